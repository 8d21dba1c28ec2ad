package io.scimflow.sink.log;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.sink.support.SinkHarness;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the applied disables and deletes of a period back from a provisioning log on the real broker. */
class AppliedDeletionsReaderIntegrationTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void findsTheAppliedDisablesAndDeletesOfThePeriodOnEveryPartitionAndNothingElse() {
        String topic = createTopic();
        Instant disabled = NOW.minus(Duration.ofMinutes(10));
        Instant deleted = NOW.minus(Duration.ofMinutes(5));
        Instant groupDeleted = NOW.minus(Duration.ofMinutes(1));
        try (KafkaProducer<String, Object> entries = new KafkaProducer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                new StringSerializer(), serializer());
                KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                        new StringSerializer(), new ByteArraySerializer())) {
            send(entries, topic, 0, entry("old", LogAction.DISABLE, LogStatus.SUCCESS, NOW.minus(Duration.ofHours(2))));
            send(entries, topic, 0, entry("u1", LogAction.DISABLE, LogStatus.SUCCESS, disabled));
            send(entries, topic, 1, entry("u2", LogAction.DELETE, LogStatus.SUCCESS, deleted));
            send(entries, topic, 1, entry("g1", LogAction.DELETE, LogStatus.SUCCESS, groupDeleted));
            send(entries, topic, 0, entry("u3", LogAction.CREATE, LogStatus.SUCCESS, NOW.minusSeconds(30)));
            send(entries, topic, 0, entry("u4", LogAction.UPDATE, LogStatus.SUCCESS, NOW.minusSeconds(30)));
            send(entries, topic, 1, entry("u5", LogAction.DISABLE, LogStatus.FAILURE, NOW.minusSeconds(30)));
            send(entries, topic, 1, entry("u6", LogAction.DISABLE, LogStatus.SKIPPED, NOW.minusSeconds(30)));
            send(entries, topic, 0, entry("g2", LogAction.DELETE, LogStatus.DROPPED, NOW.minusSeconds(30)));
            bytes.send(new ProducerRecord<>(topic, 1, NOW.minusSeconds(20).toEpochMilli(), "junk",
                    "not avro".getBytes(StandardCharsets.UTF_8)));
            bytes.send(new ProducerRecord<>(topic, 0, NOW.minusSeconds(10).toEpochMilli(), "tombstone", (byte[]) null));
        }

        List<Instant> applied = read(topic, NOW.minus(Duration.ofHours(1)));

        assertThat(applied).containsExactlyInAnyOrder(disabled, deleted, groupDeleted);
    }

    @Test
    void aLogWithNothingInThePeriodGivesNothing() {
        String topic = createTopic();
        assertThat(read(topic, NOW.minus(Duration.ofHours(1)))).as("empty topic").isEmpty();

        try (KafkaProducer<String, Object> entries = new KafkaProducer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                new StringSerializer(), serializer())) {
            send(entries, topic, 0, entry("u1", LogAction.DISABLE, LogStatus.SUCCESS, NOW.minus(Duration.ofHours(3))));
            send(entries, topic, 1, entry("u2", LogAction.DELETE, LogStatus.SUCCESS, NOW.minus(Duration.ofHours(2))));
        }
        assertThat(read(topic, NOW.minus(Duration.ofHours(1)))).as("only older entries").isEmpty();
        assertThat(read(topic, NOW.minus(Duration.ofHours(4)))).hasSize(2);
    }

    private static List<Instant> read(String topic, Instant since) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return new AppliedDeletionsReader(consumer, topic, deserializer()).since(since, Duration.ofSeconds(30));
        }
    }

    /** As the sink writes it: the record's timestamp is when the entry was made. */
    private static void send(KafkaProducer<String, Object> producer, String topic, int partition, ProvisioningLogEntry entry) {
        producer.send(new ProducerRecord<>(topic, partition, entry.getTimestamp().toEpochMilli(), "USER:" + entry.getSourceId(), entry));
    }

    private static ProvisioningLogEntry entry(String sourceId, LogAction action, LogStatus status, Instant at) {
        return ProvisioningLogEntry.newBuilder().setId("id-" + sourceId).setChangeId("c-" + sourceId)
                .setOperationId("op-" + sourceId).setTimestamp(at)
                .setObjectType(sourceId.startsWith("g") ? ObjectType.GROUP : ObjectType.USER).setSourceId(sourceId)
                .setAction(action).setStatus(status).build();
    }

    private static String createTopic() {
        String topic = "log-history-" + System.nanoTime();
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                List.of(new TopicSpec(topic, 2, (short) 1, Map.of())), Duration.ofSeconds(30));
        return topic;
    }

    private static KafkaAvroSerializer serializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", SinkHarness.REGISTRY), false);
        return serializer;
    }

    private static KafkaAvroDeserializer deserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", SinkHarness.REGISTRY, "specific.avro.reader", true), false);
        return deserializer;
    }
}
