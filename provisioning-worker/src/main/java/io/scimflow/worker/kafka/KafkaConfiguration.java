package io.scimflow.worker.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.schemas.topics.Topics;
import io.scimflow.worker.WorkerProperties;
import io.scimflow.worker.translate.DirectoryTranslator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The worker's Kafka wiring: a batch listener over byte[] values decoded in the listener
 * (so dead-letter records keep their original bytes), an Avro producer for operations that
 * batches sends (linger), and one error handler that retries a record that failed for a
 * passing reason twice before parking it. Records that can never succeed are parked by the
 * listener itself, so the rest of their batch flows on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	/** Producer linger unless {@code spring.kafka.producer.properties.linger.ms} is set. */
	static final int DEFAULT_LINGER_MS = 5;

	/** Producer batch size unless {@code spring.kafka.producer.batch-size} is set. */
	static final int DEFAULT_BATCH_SIZE = 131_072;

	/** Records per poll (one listener call) unless {@code spring.kafka.consumer.max-poll-records} is set. */
	static final int DEFAULT_MAX_POLL_RECORDS = 1000;

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
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_BATCH_SIZE);
		config.put("schema.registry.url", properties.schemaRegistryUrl(kafka.getProperties()));
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config, false);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), serializer));
	}

	@Bean
	KafkaClientsWarmUp kafkaClientsWarmUp(KafkaTemplate<String, Object> operationsTemplate, RecordDecoder recordDecoder,
			WorkerTopics topics, DirectoryTranslator translator, WorkerProperties properties) {
		return new KafkaClientsWarmUp(operationsTemplate, recordDecoder, topics, translator, properties.warmUpRecords());
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
	RecordParker recordParker(KafkaTemplate<String, byte[]> deadLetterTemplate,
			KafkaTemplate<String, Object> operationsTemplate, RecordDecoder recordDecoder, WorkerTopics topics) {
		ParkedRecordLog parkedLog = new ParkedRecordLog(operationsTemplate, topics.names(), recordDecoder,
				java.time.Clock.systemUTC());
		return new RecordParker(deadLetterTemplate, parkedLog, topics.names());
	}

	/**
	 * Handles what the listener throws: a {@code BatchListenerFailedException} naming the
	 * record that failed for a passing reason (registry or broker unavailable). The records
	 * before it are committed, that record is retried twice, one second apart, then parked;
	 * the rest of the batch is polled again.
	 */
	@Bean
	DefaultErrorHandler workerErrorHandler(RecordParker recordParker) {
		DefaultErrorHandler handler = new DefaultErrorHandler(recordParker, new FixedBackOff(1000L, 2L));
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
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DEFAULT_MAX_POLL_RECORDS);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
		factory.setConcurrency(properties.concurrency());
		factory.setBatchListener(true);
		factory.setCommonErrorHandler(workerErrorHandler);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
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
