package io.scimflow.worker;

import io.scimflow.schemas.topics.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker's settings, under {@code scimflow.worker}. Kafka itself is configured with
 * the standard {@code spring.kafka.*} keys.
 *
 * @param appConfig the app configuration YAML: a file path or {@code classpath:apps/miro.yaml}
 * @param schemaRegistryUrl the Confluent-compatible schema registry, or {@code mock://<scope>}
 * for an in-process one shared inside the JVM; when unset,
 * {@code spring.kafka.properties.schema.registry.url}, else {@code mock://scimflow}
 * @param concurrency listener threads per instance (each owns some of the partitions); default
 * {@value #DEFAULT_CONCURRENCY}
 * @param createTopics create the worker's topics at start-up when missing
 * @param topics the topic names
 * @param warmUpRecords made-up records translated and encoded at start-up, before consuming, so
 * that the JIT has compiled the per-record code before real records come (0 = none); default
 * {@value #DEFAULT_WARM_UP_RECORDS}, and never more than {@link #WARM_UP_BUDGET}
 */
@ConfigurationProperties("scimflow.worker")
public record WorkerProperties(String appConfig, String schemaRegistryUrl, Integer concurrency, Boolean createTopics,
		TopicNames topics, Integer warmUpRecords) {

	/**
	 * Listener threads when not configured: each input topic has 6 partitions, so 3
	 * threads own 2 of each (6 in all).
	 */
	public static final int DEFAULT_CONCURRENCY = 3;

	/** Made-up records of the start-up warm-up when not configured. */
	public static final int DEFAULT_WARM_UP_RECORDS = 3000;

	/** The start-up warm-up stops after this long, however many records it has done. */
	public static final java.time.Duration WARM_UP_BUDGET = java.time.Duration.ofSeconds(5);

	public WorkerProperties {
		appConfig = (appConfig == null || appConfig.isBlank()) ? "classpath:apps/miro.yaml" : appConfig.trim();
		schemaRegistryUrl = (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) ? null : schemaRegistryUrl.trim();
		concurrency = (concurrency == null) ? DEFAULT_CONCURRENCY : concurrency;
		createTopics = (createTopics == null) ? Boolean.TRUE : createTopics;
		topics = (topics == null) ? new TopicNames(null, null, null, null, null, null) : topics;
		warmUpRecords = (warmUpRecords == null) ? DEFAULT_WARM_UP_RECORDS : warmUpRecords;
		if (warmUpRecords < 0) {
			throw new IllegalArgumentException(
					"Invalid value " + warmUpRecords + " for scimflow.worker.warm-up-records: must be 0 (none) or more");
		}
	}

	/** The schema registry URL to use, with the fallbacks described above. */
	public String schemaRegistryUrl(java.util.Map<String, String> kafkaProperties) {
		if (this.schemaRegistryUrl != null) {
			return this.schemaRegistryUrl;
		}
		String shared = kafkaProperties.get("schema.registry.url");
		return (shared != null && !shared.isBlank()) ? shared.trim() : "mock://scimflow";
	}

	/**
	 * Topic names; the defaults are the pipeline's (see the schemas module).
	 *
	 * @param users directory users (input)
	 * @param groups directory groups (input)
	 * @param memberships directory memberships (input)
	 * @param operations provisioning operations (output)
	 * @param deadLetter records the worker cannot decode or map
	 * @param log the provisioning log, where the worker reports the records it parks
	 */
	public record TopicNames(String users, String groups, String memberships, String operations, String deadLetter,
			String log) {

		public TopicNames {
			users = (users == null || users.isBlank()) ? Topics.DIRECTORY_USERS : users;
			groups = (groups == null || groups.isBlank()) ? Topics.DIRECTORY_GROUPS : groups;
			memberships = (memberships == null || memberships.isBlank()) ? Topics.DIRECTORY_MEMBERSHIPS : memberships;
			operations = (operations == null || operations.isBlank()) ? Topics.PROVISIONING_OPERATIONS : operations;
			deadLetter = (deadLetter == null || deadLetter.isBlank()) ? Topics.WORKER_DEAD_LETTER : deadLetter;
			log = (log == null || log.isBlank()) ? Topics.PROVISIONING_LOG : log;
		}

	}

}
