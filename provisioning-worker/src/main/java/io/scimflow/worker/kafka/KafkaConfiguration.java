package io.scimflow.worker.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.schemas.topics.Topics;
import io.scimflow.worker.WorkerProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The worker's Kafka wiring: byte[] values decoded in the listener (so dead-letter records
 * keep their original bytes), an Avro producer for operations, and one error handler that
 * parks permanent failures on the dead-letter topic at once (and reports them in the
 * provisioning log) and retries the rest twice.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	static final String PARKED_BY = "provisioning-worker";

	/** The topics, created at start-up (before any listener starts) when missing. */
	@Bean
	WorkerTopics workerTopics(WorkerProperties properties, KafkaProperties kafka) {
		WorkerTopics topics = new WorkerTopics(properties.topics());
		if (properties.createTopics()) {
			List<String> created = TopicInitializer.ensureTopics(kafka.buildAdminProperties(), topics.specs(),
					Duration.ofSeconds(30));
			if (!created.isEmpty()) {
				log.info("Created topics {}", created);
			}
		}
		return topics;
	}

	@Bean
	KafkaTemplate<String, Object> operationsTemplate(KafkaProperties kafka, WorkerProperties properties) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put("schema.registry.url", properties.schemaRegistryUrl(kafka.getProperties()));
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config, false);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), serializer));
	}

	@Bean
	KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
	}

	@Bean
	RecordDecoder recordDecoder(WorkerProperties properties, KafkaProperties kafka) {
		return new RecordDecoder(properties.schemaRegistryUrl(kafka.getProperties()));
	}

	@Bean
	DefaultErrorHandler workerErrorHandler(KafkaTemplate<String, byte[]> deadLetterTemplate,
			KafkaTemplate<String, Object> operationsTemplate, RecordDecoder recordDecoder, WorkerTopics topics) {
		ParkedRecordLog parkedLog = new ParkedRecordLog(operationsTemplate, topics.names(), recordDecoder,
				java.time.Clock.systemUTC());
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(topics.names().deadLetter(), -1));
		recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(DeadLetterHeaders.REASON, reason(ex).getBytes(StandardCharsets.UTF_8));
			headers.add(DeadLetterHeaders.PARKED_BY, PARKED_BY.getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			log.warn("Record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(), record.offset(),
					record.key(), topics.names().deadLetter(), reason(ex));
			recoverer.accept(record, ex);
			parkedLog.parked(record, ex, reason(ex));
		}, new FixedBackOff(1000L, 2L));
		handler.addNotRetryableExceptions(PermanentRecordException.class);
		return handler;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> directoryListenerContainerFactory(KafkaProperties kafka,
			WorkerProperties properties, DefaultErrorHandler workerErrorHandler) {
		if (properties.concurrency() < 1) {
			throw new IllegalStateException(
					"Invalid value " + properties.concurrency() + " for scimflow.worker.concurrency: must be 1 or more");
		}
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "provisioning-worker");
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
		factory.setConcurrency(properties.concurrency());
		factory.setCommonErrorHandler(workerErrorHandler);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
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

	/**
	 * The worker's topic names and their specs.
	 *
	 * @param names the configured names
	 */
	record WorkerTopics(WorkerProperties.TopicNames names) {

		String[] inputs() {
			return new String[] { this.names.users(), this.names.groups(), this.names.memberships() };
		}

		List<TopicSpec> specs() {
			List<TopicSpec> specs = new ArrayList<>();
			specs.add(renamed(Topics.directoryUsers(), this.names.users()));
			specs.add(renamed(Topics.directoryGroups(), this.names.groups()));
			specs.add(renamed(Topics.directoryMemberships(), this.names.memberships()));
			specs.add(renamed(Topics.provisioningOperations(), this.names.operations()));
			specs.add(renamed(Topics.workerDeadLetter(), this.names.deadLetter()));
			specs.add(renamed(Topics.provisioningLog(), this.names.log()));
			return specs;
		}

		private static TopicSpec renamed(TopicSpec spec, String name) {
			return new TopicSpec(name, spec.partitions(), spec.replicationFactor(), spec.configs());
		}

	}

}
