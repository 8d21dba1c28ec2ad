package io.scimflow.sink.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scimflow.events.ObjectType;
import io.scimflow.events.sink.ObjectLink;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.sink.reconcile.LinkRegistry.AppliedMark;
import io.scimflow.sink.reconcile.LinkRegistry.Link;
import io.scimflow.sink.support.SinkHarness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The link store's asynchronous writes against the real broker: durable once flush returned, failures fail the flush. */
class KafkaLinkStoreIntegrationTests {

    private static final Instant CHANGED = Instant.parse("2026-01-02T03:04:05Z");

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void aCreateThatLinksAndMarksWritesOneRecordDurableOnceFlushReturned() {
        String topic = createTopic(Map.of());
        KafkaLinkStore store = start(topic);
        store.awaitCaughtUp(Duration.ofSeconds(30));

        store.link(ObjectType.USER, "u1", "t1", "one@corp.com");
        assertThat(store.find(ObjectType.USER, "u1")).contains(new Link("t1", "one@corp.com")); // in memory at once
        store.settle(ObjectType.USER, "u1", new AppliedMark(CHANGED, null));
        store.flush();

        List<ConsumerRecord<String, Object>> records = read(topic);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(OperationKeys.of(ObjectType.USER, "u1"));
        ObjectLink written = (ObjectLink) records.get(0).value();
        assertThat(written.getTargetId()).isEqualTo("t1");
        assertThat(written.getManaged()).isTrue();
        assertThat(written.getLastSourceChangedAt()).isEqualTo(CHANGED);

        KafkaLinkStore restarted = start(topic);
        restarted.awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(restarted.find(ObjectType.USER, "u1")).contains(new Link("t1", "one@corp.com"));
        assertThat(restarted.lastApplied(ObjectType.USER, "u1")).contains(new AppliedMark(CHANGED, null));
    }

    @Test
    void aLinkOfAFailedOperationIsWrittenWithoutAMarkAndAnUnlinkKeepsTheMark() {
        String topic = createTopic(Map.of());
        KafkaLinkStore store = start(topic);
        store.awaitCaughtUp(Duration.ofSeconds(30));

        store.link(ObjectType.USER, "u2", "t2", "two@corp.com");
        store.settle(ObjectType.USER, "u2", null); // the operation failed after its create
        store.link(ObjectType.USER, "u3", "t3", "three@corp.com");
        store.settle(ObjectType.USER, "u3", new AppliedMark(CHANGED, null));
        store.unlink(ObjectType.USER, "u3");
        store.settle(ObjectType.USER, "u3", new AppliedMark(CHANGED.plusSeconds(1), null));
        store.flush();

        KafkaLinkStore restarted = start(topic);
        restarted.awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(restarted.find(ObjectType.USER, "u2")).contains(new Link("t2", "two@corp.com"));
        assertThat(restarted.lastApplied(ObjectType.USER, "u2")).isEmpty();
        assertThat(restarted.find(ObjectType.USER, "u3")).isEmpty();
        assertThat(restarted.lastApplied(ObjectType.USER, "u3")).contains(new AppliedMark(CHANGED.plusSeconds(1), null));
        assertThat(store.find(ObjectType.USER, "u3")).isEmpty();
    }

    @Test
    void aWriteTheBrokerRefusesFailsTheFlushUntilItIsWrittenAgain() throws Exception {
        // The broker refuses records above 1,000 bytes on this topic: a long identity cannot be written.
        String topic = createTopic(Map.of("max.message.bytes", "1000"));
        KafkaLinkStore store = start(topic);
        store.awaitCaughtUp(Duration.ofSeconds(30));
        String longIdentity = "x".repeat(2000) + "@corp.com";

        store.link(ObjectType.USER, "big", "t-big", longIdentity);
        store.settle(ObjectType.USER, "big", new AppliedMark(CHANGED, null));
        assertThatThrownBy(store::flush).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot write 1 link record(s) to " + topic);
        assertThatThrownBy(store::flush).isInstanceOf(IllegalStateException.class); // still not written: tried again, refused again
        assertThat(store.find(ObjectType.USER, "big")).contains(new Link("t-big", longIdentity));
        assertThat(read(topic)).isEmpty();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SinkHarness.bootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048576"), AlterConfigOp.OpType.SET)))).all().get();
        }
        store.flush(); // written again, now accepted

        List<ConsumerRecord<String, Object>> records = read(topic);
        assertThat(records).hasSize(1);
        assertThat(((ObjectLink) records.get(0).value()).getTargetIdentity()).isEqualTo(longIdentity);
        assertThat(((ObjectLink) records.get(0).value()).getLastSourceChangedAt()).isEqualTo(CHANGED);
    }

    @Test
    void theTailSkipsTheRecordsThisInstanceWroteAndReadsThoseOfAnother() {
        String topic = createTopic(Map.of());
        CountingDeserializer decoded = new CountingDeserializer(deserializer());
        KafkaLinkStore store = create(topic, decoded);
        // Written and acknowledged before the tail starts: the tail then reads a record the cache already holds.
        store.link(ObjectType.USER, "own", "t-own", "own@corp.com");
        store.settle(ObjectType.USER, "own", new AppliedMark(CHANGED, null));
        store.flush();
        store.start();
        store.awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(decoded.calls).isZero();

        KafkaLinkStore other = start(topic);
        other.awaitCaughtUp(Duration.ofSeconds(30));
        other.link(ObjectType.USER, "theirs", "t-theirs", "theirs@corp.com");
        other.settle(ObjectType.USER, "theirs", new AppliedMark(CHANGED, null));
        other.flush();
        store.awaitCaughtUp(Duration.ofSeconds(30));

        assertThat(decoded.calls).isEqualTo(1);
        assertThat(store.find(ObjectType.USER, "theirs")).contains(new Link("t-theirs", "theirs@corp.com"));
        assertThat(store.lastApplied(ObjectType.USER, "theirs")).contains(new AppliedMark(CHANGED, null));
        assertThat(store.find(ObjectType.USER, "own")).contains(new Link("t-own", "own@corp.com"));
        assertThat(store.lastApplied(ObjectType.USER, "own")).contains(new AppliedMark(CHANGED, null));
        assertThat(other.find(ObjectType.USER, "own")).contains(new Link("t-own", "own@corp.com"));
    }

    /** Counts the records the tail decodes. */
    private static final class CountingDeserializer implements Deserializer<Object> {

        private final Deserializer<Object> delegate;
        private volatile int calls;

        CountingDeserializer(Deserializer<Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(String topic, byte[] data) {
            calls++;
            return delegate.deserialize(topic, data);
        }

        @Override
        public Object deserialize(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
            calls++;
            return delegate.deserialize(topic, headers, data);
        }
    }

    private String createTopic(Map<String, String> extra) {
        String topic = "links-store-" + System.nanoTime();
        Map<String, String> configs = new java.util.HashMap<>(Map.of("cleanup.policy", "compact"));
        configs.putAll(extra);
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                List.of(new TopicSpec(topic, 2, (short) 1, configs)), Duration.ofSeconds(30));
        return topic;
    }

    private KafkaLinkStore start(String topic) {
        KafkaLinkStore store = create(topic, deserializer());
        store.start();
        return store;
    }

    private KafkaLinkStore create(String topic, Deserializer<Object> values) {
        KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap(),
                "acks", "all", "enable.idempotence", true, "linger.ms", 5, "delivery.timeout.ms", 5000, "request.timeout.ms", 4000),
                new StringSerializer(), serializer());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap(),
                "enable.auto.commit", false, "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        KafkaLinkStore store = new KafkaLinkStore(topic, consumer, values, producer);
        closeables.add(() -> producer.close(Duration.ofSeconds(5)));
        closeables.add(store);
        return store;
    }

    private static List<ConsumerRecord<String, Object>> read(String topic) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                new StringDeserializer(), deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Serializer<Object> serializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", SinkHarness.REGISTRY), false);
        return (Serializer) serializer;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Deserializer<Object> deserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", SinkHarness.REGISTRY, "specific.avro.reader", true), false);
        return (Deserializer) deserializer;
    }
}
