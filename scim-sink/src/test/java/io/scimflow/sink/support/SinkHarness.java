package io.scimflow.sink.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.sink.ScimSink;
import io.scimflow.sink.ScimSinkApplication;
import io.scimflow.sink.ops.ProvisioningLogPrinter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * One test's topics on the shared broker, a way to start sinks on them, to produce operations
 * and to wait for provisioning log entries. Every harness has its own topic names.
 */
public final class SinkHarness implements AutoCloseable {

    public static final String REGISTRY = "mock://scim-sink-tests";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String prefix = "t" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000 + "-";
    private final List<ConfigurableApplicationContext> sinks = new ArrayList<>();
    private final KafkaProducer<String, Object> producer;

    public SinkHarness() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", REGISTRY), false);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap()), new StringSerializer(), serializer);
    }

    public static String bootstrap() {
        return SharedLocalKafkaBroker.bootstrapServers();
    }

    public String topic(String name) {
        return prefix + name;
    }

    /** Properties of a sink on this harness's topics against the given SCIM base URL. */
    public Map<String, Object> properties(String baseUrl, String token) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("spring.kafka.bootstrap-servers", bootstrap());
        p.put("spring.kafka.properties.schema.registry.url", REGISTRY);
        p.put("spring.kafka.consumer.group-id", prefix + "sink");
        p.put("scimflow.sink.target.base-url", baseUrl);
        p.put("scimflow.sink.target.token", token);
        p.put("scimflow.sink.target.allow-insecure-http", "true");
        p.put("scimflow.sink.target.request-timeout", "5s");
        p.put("scimflow.sink.topics.operations", topic("provisioning.operations"));
        p.put("scimflow.sink.topics.log", topic("provisioning.log"));
        p.put("scimflow.sink.topics.links", topic("scim-sink.links"));
        p.put("scimflow.sink.topics.dead-letter", topic("scim-sink.dlt"));
        p.put("scimflow.sink.concurrency", "8");
        p.put("scimflow.sink.retry.initial-backoff", "20ms");
        p.put("scimflow.sink.retry.max-backoff", "200ms");
        p.put("scimflow.sink.retry.rate-limit-backoff", "200ms");
        p.put("scimflow.sink.retry.rate-limit-max-backoff", "1s");
        p.put("scimflow.sink.quarantine.probe-interval", "300ms");
        p.put("scimflow.sink.shutdown-timeout", "5s");
        p.put("management.endpoints.web.exposure.include", "health");
        return p;
    }

    public ConfigurableApplicationContext start(Map<String, Object> properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ScimSinkApplication.class)
                .properties(properties).run();
        sinks.add(context);
        return context;
    }

    public static ScimSink sink(ConfigurableApplicationContext context) {
        return context.getBean(ScimSink.class);
    }

    /** The sink of the n-th running context. */
    public ScimSink sinkOf(int index) {
        return sink(sinks.get(index));
    }

    public void stop(ConfigurableApplicationContext context) {
        context.close();
        sinks.remove(context);
    }

    public void send(ProvisioningOperation... operations) {
        for (ProvisioningOperation op : operations) {
            producer.send(new ProducerRecord<>(topic("provisioning.operations"), OperationKeys.of(op.getObjectType(), op.getSourceId()), op));
        }
        producer.flush();
    }

    public void send(Ops... operations) {
        for (Ops op : operations) {
            send(op.build());
        }
    }

    /** Every provisioning log entry written so far. */
    public List<ProvisioningLogEntry> log() {
        return ProvisioningLogPrinter.read(Map.of("bootstrap.servers", bootstrap()), REGISTRY, topic("provisioning.log"));
    }

    /** Waits until the provisioning log holds at least {@code count} entries and returns them by operation id. */
    public Map<String, ProvisioningLogEntry> awaitLog(int count) {
        List<ProvisioningLogEntry> entries = new ArrayList<>();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            entries.clear();
            entries.addAll(log());
            return entries.size() >= count;
        });
        Map<String, ProvisioningLogEntry> byOperation = new LinkedHashMap<>();
        entries.forEach(e -> byOperation.put(e.getOperationId(), e));
        return byOperation;
    }

    /** The entry for this operation, waiting for it. */
    public ProvisioningLogEntry awaitEntry(ProvisioningOperation op) {
        List<ProvisioningLogEntry> found = new ArrayList<>();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            log().stream().filter(e -> e.getOperationId().equals(op.getOperationId())).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(found.size() - 1);
    }

    /** Records currently on this harness's dead-letter topic. */
    public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic("scim-sink.dlt")).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext context : List.copyOf(sinks)) {
            context.close();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
