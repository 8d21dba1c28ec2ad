package io.scimflow.worker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.localkafka.LocalKafkaBroker;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.Topics;
import io.scimflow.worker.ProvisioningWorkerApplication;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Measures the worker alone: N assigned users are produced to {@code directory.users} on a
 * fresh in-process broker (a backlog, as in an initial sync), then one worker instance with
 * the Miro default configuration is started, and the clock runs from the moment it owns all
 * partitions until its consumer group has committed all N records (which the worker does
 * only after every operation was acknowledged). Prints records per second; not a test.
 *
 * <p>Arguments: the number of users (default 100000), then any worker property as
 * {@code key=value} (e.g. {@code scimflow.worker.concurrency=1}). See the README for the
 * Maven command.
 */
public final class WorkerThroughputBench {

	private static final String REGISTRY = "mock://worker-bench";

	private static final String GROUP = "provisioning-worker-bench";

	private WorkerThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		// The schemas serializer does not trust the event classes by itself (only the
		// deserializer does), and this JVM serializes before anything deserializes.
		System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.scimflow.events");
		int records = 100_000;
		Map<String, Object> workerProperties = new HashMap<>();
		for (String arg : args) {
			if (arg.isBlank()) {
				continue;
			}
			int eq = arg.indexOf('=');
			if (eq > 0) {
				workerProperties.put(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
			}
			else {
				records = Integer.parseInt(arg.trim().replace("_", ""));
			}
		}
		int exit = 0;
		try (LocalKafkaBroker broker = LocalKafkaBroker.start()) {
			exit = run(broker, records, workerProperties);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 1;
		}
		// Kafka and Spring leave non-daemon threads behind; a benchmark JVM just ends.
		System.exit(exit);
	}

	private static int run(LocalKafkaBroker broker, int records, Map<String, Object> extra) throws Exception {
		Map<String, Object> admin = Map.of("bootstrap.servers", broker.bootstrapServers());
		TopicInitializer.ensureTopics(admin, Topics.workerTopics(), Duration.ofSeconds(30));
		try (Admin client = Admin.create(admin)) {
			awaitLeaders(client, Topics.workerTopics().stream().map((t) -> t.name()).toList());
		}
		System.out.printf(Locale.ROOT, "producing %,d directory users ...%n", records);
		long produceStart = System.nanoTime();
		produce(broker.bootstrapServers(), records);
		System.out.printf(Locale.ROOT, "produced in %.1f s%n", seconds(System.nanoTime() - produceStart));

		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
		properties.put("spring.kafka.consumer.group-id", GROUP);
		properties.put("scimflow.worker.schema-registry-url", REGISTRY);
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.banner-mode", "off");
		properties.putAll(extra);
		ConfigurableApplicationContext worker = new SpringApplicationBuilder(ProvisioningWorkerApplication.class)
			.properties(properties)
			.run();
		try (Admin client = Admin.create(admin)) {
			awaitAssignment(worker, 3 * Topics.DEFAULT_PARTITIONS);
			CpuTime cpuAtStart = CpuTime.now();
			long start = System.nanoTime();
			long deadline = start + Duration.ofMinutes(10).toNanos();
			long committed = 0;
			long lastReport = start;
			while (committed < records && System.nanoTime() < deadline) {
				Thread.sleep(50);
				committed = committed(client);
				if (System.nanoTime() - lastReport > 2_000_000_000L) {
					lastReport = System.nanoTime();
					System.out.printf(Locale.ROOT, "  %,d committed after %.1f s%n", committed,
							seconds(lastReport - start));
				}
			}
			long elapsed = System.nanoTime() - start;
			CpuTime cpu = CpuTime.now().minus(cpuAtStart);
			long emitted = endOffsets(client, Topics.PROVISIONING_OPERATIONS);
			if (committed < records) {
				System.out.printf(Locale.ROOT, "TIMED OUT: %,d of %,d records committed%n", committed, records);
				return 1;
			}
			System.out.printf(Locale.ROOT, "%nworker throughput: %,d users in %.2f s = %,.0f users/s "
					+ "(%,d operations emitted; settings %s)%n", records, seconds(elapsed), records / seconds(elapsed),
					emitted, extra.isEmpty() ? "default" : extra);
			System.out.printf(Locale.ROOT, "cpu: worker threads %.1f s = %,.0f users per worker-cpu-second; "
					+ "whole JVM (worker, broker) %.1f s; machine load average %.1f on %d cores%n",
					seconds(cpu.workerThreads()), records / seconds(cpu.workerThreads()), seconds(cpu.process()),
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			return (emitted == records) ? 0 : 2;
		}
		finally {
			worker.close();
		}
	}

	private static void produce(String bootstrapServers, int records) throws Exception {
		Map<String, Object> config = new HashMap<>();
		config.put("bootstrap.servers", bootstrapServers);
		config.put("schema.registry.url", REGISTRY);
		config.put("linger.ms", 20);
		config.put("batch.size", 262_144);
		config.put("acks", "all");
		// The backlog's order does not matter here; without idempotence a retried first
		// batch cannot wedge the producer on sequence numbers.
		config.put("enable.idempotence", false);
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config, false);
		List<AppRoleAssignment> roles = List.of(AppRoleAssignment.newBuilder()
			.setAppRoleId("11111111-1111-1111-1111-111111111111")
			.setAppRoleValue("User")
			.setAppRoleDisplayName("User")
			.build());
		Instant changedAt = Instant.parse("2026-11-28T10:00:00Z");
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
			List<Future<RecordMetadata>> sends = new ArrayList<>(records);
			for (int i = 0; i < records; i++) {
				String id = String.format(Locale.ROOT, "user-%07d", i);
				DirectoryUser user = DirectoryUser.newBuilder()
					.setId(id)
					.setChangeId("change-" + id)
					.setChangedAt(changedAt)
					.setUserPrincipalName(id + "@contoso.com")
					.setGivenName("Given " + i)
					.setSurname("Surname " + i)
					.setDisplayName("User " + i)
					.setCompanyName("Contoso")
					.setDepartment("R&D")
					.setEmployeeId("E" + i)
					.setPreferredLanguage("en-GB")
					.setManagerId("user-0000000")
					.setLifecycle(Lifecycle.ACTIVE)
					.setAppRoleAssignments(roles)
					.setGroupIds(List.of("g-all"))
					.build();
				sends.add(producer.send(new ProducerRecord<>(Topics.DIRECTORY_USERS, id, user)));
			}
			producer.flush();
			for (Future<RecordMetadata> send : sends) {
				send.get();
			}
		}
	}

	private static void awaitAssignment(ConfigurableApplicationContext worker, int partitions) throws InterruptedException {
		KafkaListenerEndpointRegistry registry = worker.getBean(KafkaListenerEndpointRegistry.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			int assigned = 0;
			for (MessageListenerContainer container : registry.getListenerContainers()) {
				Collection<TopicPartition> owned = container.getAssignedPartitions();
				assigned += (owned != null) ? owned.size() : 0;
			}
			if (assigned >= partitions) {
				return;
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("the worker did not get its partitions within 60 s");
	}

	// Newly created topics answer NOT_LEADER for a moment; produce only once every
	// partition has a leader.
	private static void awaitLeaders(Admin client, List<String> topics) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			boolean ready = client.describeTopics(topics)
				.allTopicNames()
				.get()
				.values()
				.stream()
				.flatMap((t) -> t.partitions().stream())
				.allMatch((p) -> p.leader() != null && p.leader().id() >= 0);
			if (ready) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("topics " + topics + " have no leaders after 30 s");
	}

	private static long committed(Admin client) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = client.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get();
		return offsets.values().stream().filter((o) -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
	}

	private static long endOffsets(Admin client, String topic) throws Exception {
		int partitions = client.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (int p = 0; p < partitions; p++) {
			request.put(new TopicPartition(topic, p), OffsetSpec.latest());
		}
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = client.listOffsets(request).all().get();
		return result.values().stream().collect(Collectors.summingLong(ListOffsetsResult.ListOffsetsResultInfo::offset));
	}

	/**
	 * CPU time so far: the whole process, and the worker's own threads (its listener
	 * threads and its producers' network threads), which machine load does not inflate.
	 */
	private record CpuTime(long process, long workerThreads) {

		static CpuTime now() {
			long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long worker = 0;
			for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info != null && (info.getThreadName().startsWith("provisioning-worker-")
						|| info.getThreadName().startsWith("kafka-producer-network-thread"))) {
					worker += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
				}
			}
			return new CpuTime(process, worker);
		}

		CpuTime minus(CpuTime earlier) {
			return new CpuTime(this.process - earlier.process, this.workerThreads - earlier.workerThreads);
		}

	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
