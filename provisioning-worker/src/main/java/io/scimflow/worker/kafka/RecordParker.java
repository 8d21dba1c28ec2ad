package io.scimflow.worker.kafka;

import java.nio.charset.StandardCharsets;

import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.worker.WorkerProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks one record: publishes its original bytes to the dead-letter topic (with the
 * {@code kafka_dlt-*} headers, the reason and who parked it), waits for the broker's
 * acknowledgement, and reports it in the provisioning log. The listener calls it for
 * records of a batch that can never succeed; the error handler calls it for records whose
 * retries are exhausted. Thread-safe.
 */
final class RecordParker implements ConsumerRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(RecordParker.class);

	static final String PARKED_BY = "provisioning-worker";

	private final DeadLetterPublishingRecoverer deadLetters;

	private final ParkedRecordLog parkedLog;

	private final WorkerProperties.TopicNames topics;

	RecordParker(KafkaTemplate<String, byte[]> deadLetterTemplate, ParkedRecordLog parkedLog,
			WorkerProperties.TopicNames topics) {
		this.parkedLog = parkedLog;
		this.topics = topics;
		this.deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(topics.deadLetter(), -1));
		this.deadLetters.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(DeadLetterHeaders.REASON, reason(ex).getBytes(StandardCharsets.UTF_8));
			headers.add(DeadLetterHeaders.PARKED_BY, PARKED_BY.getBytes(StandardCharsets.UTF_8));
			return headers;
		});
	}

	/**
	 * Parks the record; returns once the dead-letter topic has acknowledged it.
	 * @throws RuntimeException when the dead-letter topic cannot be written
	 */
	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception ex) {
		String reason = reason(ex);
		log.warn("Record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(), record.offset(),
				record.key(), this.topics.deadLetter(), reason);
		this.deadLetters.accept(record, ex);
		this.parkedLog.parked(record, ex, reason);
	}

	/** The reason an operator reads in the dead-letter header. */
	static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof PermanentRecordException)
				&& cause.getClass().getName().startsWith("org.springframework")) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
