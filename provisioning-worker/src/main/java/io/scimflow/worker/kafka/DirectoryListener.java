package io.scimflow.worker.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.worker.translate.DirectoryTranslator;
import io.scimflow.worker.translate.UntranslatableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Consumes the three directory topics in one consumer group, a whole poll at a time, and
 * emits the operations the rules decide, keyed {@code user/<id>} or {@code group/<id>}.
 *
 * <p>Per batch: every record is decoded and translated in offset order and its operations
 * are sent at once, without waiting (the producer batches them; one producer keeps the
 * order of sends per partition, so per key). Then the listener waits for the broker to
 * acknowledge every send of the batch, and only then returns, so the container commits the
 * batch's offsets (at-least-once). A record that can never succeed (undecodable,
 * unmappable) is parked on the dead-letter topic right here and the rest of the batch goes
 * on. A record that fails for a passing reason (registry unavailable, a send not
 * acknowledged) ends the batch with a {@link BatchListenerFailedException} naming it: the
 * error handler commits the records before it, retries it, and polls the rest again.
 */
@Component
class DirectoryListener {

	private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final DirectoryTranslator translator;

	private final KafkaTemplate<String, Object> operations;

	private final RecordDecoder decoder;

	private final RecordParker parker;

	private final KafkaConfiguration.WorkerTopics topics;

	DirectoryListener(DirectoryTranslator translator, KafkaTemplate<String, Object> operationsTemplate,
			RecordDecoder decoder, RecordParker recordParker, KafkaConfiguration.WorkerTopics topics) {
		this.translator = translator;
		this.operations = operationsTemplate;
		this.decoder = decoder;
		this.parker = recordParker;
		this.topics = topics;
	}

	/** The input topics, for the listener annotation. */
	public String[] topics() {
		return this.topics.inputs();
	}

	@KafkaListener(id = "provisioning-worker", idIsGroup = false, topics = "#{__listener.topics()}",
			containerFactory = "directoryListenerContainerFactory")
	void onDirectoryRecords(List<ConsumerRecord<String, byte[]>> records) {
		List<PendingSend> sends = new ArrayList<>(records.size());
		RuntimeException failure = null;
		int failedIndex = -1;
		for (int index = 0; index < records.size() && failure == null; index++) {
			ConsumerRecord<String, byte[]> record = records.get(index);
			try {
				send(index, record, sends);
			}
			catch (PermanentRecordException ex) {
				try {
					this.parker.accept(record, ex);
				}
				catch (RuntimeException parkingFailed) {
					// The error handler parks it again (not retryable) once the records before
					// it are committed.
					failure = ex;
					failedIndex = index;
				}
			}
			catch (RuntimeException ex) {
				failure = ex;
				failedIndex = index;
			}
		}
		PendingSend unacknowledged = awaitAcknowledgements(sends);
		if (unacknowledged != null && (failedIndex < 0 || unacknowledged.index() < failedIndex)) {
			failure = unacknowledged.failure();
			failedIndex = unacknowledged.index();
		}
		if (failure != null) {
			ConsumerRecord<String, byte[]> record = records.get(failedIndex);
			throw new BatchListenerFailedException(record.topic() + "-" + record.partition() + "@" + record.offset()
					+ " (key " + record.key() + ") failed: " + failure.getMessage(), failure, failedIndex);
		}
	}

	// Decodes and translates one record and starts the sends of its operations.
	private void send(int index, ConsumerRecord<String, byte[]> record, List<PendingSend> sends) {
		if (record.value() == null) {
			return;
		}
		Object event = this.decoder.decode(record.topic(), record.value());
		List<ProvisioningOperation> results;
		try {
			results = this.translator.translate(event);
		}
		catch (UntranslatableRecordException ex) {
			throw new PermanentRecordException("cannot map: " + ex.getMessage(), ex);
		}
		for (ProvisioningOperation operation : results) {
			String key = OperationKeys.of(operation.getObjectType(), operation.getSourceId());
			sends.add(new PendingSend(index, this.operations.send(this.topics.names().operations(), key, operation),
					null));
		}
		if (log.isDebugEnabled()) {
			log.debug("{}/{} -> {}", record.topic(), record.key(),
					results.stream().map((o) -> o.getAction() + " " + o.getSourceId()).toList());
		}
	}

	// Pushes out what the producer still lingers on, then waits for every send; returns the
	// first send (lowest record index) that was not acknowledged, or null.
	private PendingSend awaitAcknowledgements(List<PendingSend> sends) {
		if (sends.isEmpty()) {
			return null;
		}
		this.operations.flush();
		PendingSend first = null;
		for (PendingSend send : sends) {
			try {
				send.result().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return (first != null) ? first : send.failed(new IllegalStateException("interrupted", ex));
			}
			catch (ExecutionException | TimeoutException ex) {
				if (first == null) {
					Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
					first = send.failed(new IllegalStateException(
							"operation not acknowledged, will retry: " + cause.getMessage(), ex));
				}
			}
		}
		return first;
	}

	/**
	 * One operation send of a batch.
	 *
	 * @param index the record's index in the batch
	 * @param result the send
	 * @param failure why it was not acknowledged, or null
	 */
	private record PendingSend(int index, CompletableFuture<SendResult<String, Object>> result,
			RuntimeException failure) {

		PendingSend failed(RuntimeException why) {
			return new PendingSend(this.index, this.result, why);
		}

	}

}
