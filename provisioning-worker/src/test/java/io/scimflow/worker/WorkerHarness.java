package io.scimflow.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts workers against the shared in-process broker with topics, consumer group and
 * schema registry scope of their own, produces directory events and reads what comes out.
 */
final class WorkerHarness implements AutoCloseable {

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final String users = "directory.users-" + this.suffix;

	final String groups = "directory.groups-" + this.suffix;

	final String memberships = "directory.memberships-" + this.suffix;

	final String operations = "provisioning.operations-" + this.suffix;

	final String deadLetter = "provisioning-worker.dlt-" + this.suffix;

	final String log = "provisioning.log-" + this.suffix;

	final String registry = "mock://worker-test-" + this.suffix;

	private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

	private final KafkaProducer<String, Object> avroProducer;

	private final KafkaProducer<String, byte[]> rawProducer;

	WorkerHarness() {
		Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers(),
				"schema.registry.url", this.registry, "linger.ms", 0));
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config, false);
		this.avroProducer = new KafkaProducer<>(config, new StringSerializer(), serializer);
		this.rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	ConfigurableApplicationContext startWorker(String... extraProperties) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", SharedLocalKafkaBroker.bootstrapServers());
		properties.put("spring.kafka.consumer.group-id", "provisioning-worker-" + this.suffix);
		properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
		properties.put("scimflow.worker.app-config", "classpath:apps/miro-test.yaml");
		properties.put("scimflow.worker.schema-registry-url", this.registry);
		properties.put("scimflow.worker.topics.users", this.users);
		properties.put("scimflow.worker.topics.groups", this.groups);
		properties.put("scimflow.worker.topics.memberships", this.memberships);
		properties.put("scimflow.worker.topics.operations", this.operations);
		properties.put("scimflow.worker.topics.dead-letter", this.deadLetter);
		properties.put("scimflow.worker.topics.log", this.log);
		properties.put("server.port", "0");
		for (String property : extraProperties) {
			int eq = property.indexOf('=');
			properties.put(property.substring(0, eq), property.substring(eq + 1));
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProvisioningWorkerApplication.class)
			.properties(properties)
			.run();
		this.workers.add(context);
		return context;
	}

	void send(String topic, String key, Object value) {
		send(topic, null, key, value);
	}

	/** Sends to one partition (null: by key), so that records can be put in one batch. */
	void send(String topic, Integer partition, String key, Object value) {
		try {
			this.avroProducer.send(new ProducerRecord<>(topic, partition, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	void sendRaw(String topic, String key, byte[] value) {
		sendRaw(topic, null, key, value);
	}

	void sendRaw(String topic, Integer partition, String key, byte[] value) {
		try {
			this.rawProducer.send(new ProducerRecord<>(topic, partition, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	void sendUser(DirectoryUser user) {
		send(this.users, user.getId(), user);
	}

	/** Reads operations until {@code expected} have arrived (or 60 s passed), then once more briefly. */
	List<ConsumerRecord<String, ProvisioningOperation>> readOperations(int expected) {
		Map<String, Object> config = consumerConfig();
		config.put("schema.registry.url", this.registry);
		config.put("specific.avro.reader", true);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(config, false);
		List<ConsumerRecord<String, ProvisioningOperation>> records = new ArrayList<>();
		try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
			consumer.subscribe(List.of(this.operations));
			Instant deadline = Instant.now().plusSeconds(60);
			while (records.size() < expected && Instant.now().isBefore(deadline)) {
				poll(consumer, records);
			}
			poll(consumer, records);
		}
		return records;
	}

	/** Reads Avro records of a topic until {@code expected} have arrived (or 60 s passed). */
	List<Object> readAvro(String topic, int expected) {
		Map<String, Object> config = consumerConfig();
		config.put("schema.registry.url", this.registry);
		config.put("specific.avro.reader", true);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(config, false);
		List<Object> values = new ArrayList<>();
		try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plusSeconds(60);
			while (values.size() < expected && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(500)).forEach((r) -> values.add(r.value()));
			}
		}
		return values;
	}

	List<ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(this.deadLetter));
			Instant deadline = Instant.now().plusSeconds(60);
			while (records.size() < expected && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	/** The sum of the worker group's committed offsets on the input topics. */
	long committedInputOffsets() {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers()))) {
			return admin.listConsumerGroupOffsets("provisioning-worker-" + this.suffix)
				.partitionsToOffsetAndMetadata()
				.get()
				.entrySet()
				.stream()
				.filter((e) -> e.getValue() != null && List.of(this.users, this.groups, this.memberships)
					.contains(e.getKey().topic()))
				.mapToLong((e) -> e.getValue().offset())
				.sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until the worker group has committed {@code expected} input records (or 60 s passed). */
	long awaitCommitted(long expected) {
		Instant deadline = Instant.now().plusSeconds(60);
		long committed = committedInputOffsets();
		while (committed < expected && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			committed = committedInputOffsets();
		}
		return committed;
	}

	@SuppressWarnings("unchecked")
	private static void poll(KafkaConsumer<String, Object> consumer, List<ConsumerRecord<String, ProvisioningOperation>> into) {
		for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
			into.add((ConsumerRecord<String, ProvisioningOperation>) (ConsumerRecord<?, ?>) record);
		}
	}

	private Map<String, Object> consumerConfig() {
		Map<String, Object> config = new HashMap<>();
		config.put("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers());
		config.put("group.id", "reader-" + UUID.randomUUID());
		config.put("auto.offset.reset", "earliest");
		return config;
	}

	@Override
	public void close() {
		this.workers.forEach(ConfigurableApplicationContext::close);
		this.avroProducer.close();
		this.rawProducer.close();
	}

	// --- directory events ---

	static final String USER_ROLE_ID = "11111111-1111-1111-1111-111111111111";

	static AppRoleAssignment role(String value, String viaGroupId) {
		return AppRoleAssignment.newBuilder()
			.setAppRoleId(value == null ? "00000000-0000-0000-0000-000000000000" : USER_ROLE_ID)
			.setAppRoleValue(value)
			.setAppRoleDisplayName(value == null ? "Default Access" : value)
			.setViaGroupId(viaGroupId)
			.setViaGroupDisplayName(viaGroupId == null ? null : "Group " + viaGroupId)
			.build();
	}

	static DirectoryUser.Builder user(String id, List<AppRoleAssignment> roles) {
		return DirectoryUser.newBuilder()
			.setId(id)
			.setChangeId("change-" + id)
			.setChangedAt(Instant.parse("2026-11-28T10:00:00Z"))
			.setUserPrincipalName(id + "@contoso.com")
			.setGivenName("Given-" + id)
			.setSurname("Sur-" + id)
			.setDisplayName("Name " + id)
			.setCompanyName("Contoso")
			.setDepartment("R&D")
			.setLifecycle(Lifecycle.ACTIVE)
			.setAppRoleAssignments(roles);
	}

	static DirectoryGroup group(String id, List<AppRoleAssignment> roles) {
		return DirectoryGroup.newBuilder()
			.setId(id)
			.setChangeId("change-" + id)
			.setChangedAt(Instant.parse("2026-11-28T10:00:00Z"))
			.setDisplayName("Team " + id)
			.setAppRoleAssignments(roles)
			.build();
	}

	static GroupMembership membership(String groupId, String memberId, MemberType type, boolean present) {
		return GroupMembership.newBuilder()
			.setGroupId(groupId)
			.setMemberId(memberId)
			.setMemberType(type)
			.setPresent(present)
			.setChangeId("change-" + groupId + "-" + memberId)
			.setChangedAt(Instant.parse("2026-11-28T10:00:00Z"))
			.build();
	}

}
