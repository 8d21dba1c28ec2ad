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
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Consumes the three directory topics in one consumer group and emits the operations the
 * rules decide, keyed {@code user/<id>} or {@code group/<id>}. A record is done only when
 * its operations are acknowledged by the broker; only then is its offset committed.
 */
@Component
class DirectoryListener {

	private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final DirectoryTranslator translator;

	private final KafkaTemplate<String, Object> operations;

	private final RecordDecoder decoder;

	private final KafkaConfiguration.WorkerTopics topics;

	DirectoryListener(DirectoryTranslator translator, KafkaTemplate<String, Object> operationsTemplate,
			RecordDecoder decoder, KafkaConfiguration.WorkerTopics topics) {
		this.translator = translator;
		this.operations = operationsTemplate;
		this.decoder = decoder;
		this.topics = topics;
	}

	/** The input topics, for the listener annotation. */
	public String[] topics() {
		return this.topics.inputs();
	}

	@KafkaListener(id = "provisioning-worker", idIsGroup = false, topics = "#{__listener.topics()}",
			containerFactory = "directoryListenerContainerFactory")
	void onDirectoryRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
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
		List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>();
		for (ProvisioningOperation operation : results) {
			String key = OperationKeys.of(operation.getObjectType(), operation.getSourceId());
			sends.add(this.operations.send(this.topics.names().operations(), key, operation));
		}
		for (CompletableFuture<SendResult<String, Object>> send : sends) {
			try {
				send.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("operation for " + record.topic() + "/" + record.key()
						+ " not acknowledged, will retry: " + ex.getMessage(), ex);
			}
		}
		if (log.isDebugEnabled()) {
			log.debug("{}/{} -> {}", record.topic(), record.key(),
					results.stream().map((o) -> o.getAction() + " " + o.getSourceId()).toList());
		}
	}

}
