package io.scimflow.producer.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the producer published to the three directory topics, in arrival order per
 * topic, with the project's Avro deserializer. {@link #next(int)} waits for exactly that many
 * new records and then checks for a short while that no more arrive.
 */
public final class TopicWatcher implements AutoCloseable {

    /** One published record: topic short name (users, groups, memberships), key, value (null for a tombstone). */
    public record Published(String topic, String key, Object value) {

        public DirectoryUser user() {
            return (DirectoryUser) value;
        }

        public DirectoryGroup group() {
            return (DirectoryGroup) value;
        }

        public GroupMembership membership() {
            return (GroupMembership) value;
        }

        /** e.g. {@code users/u1}, {@code memberships/g1|u1 present=false}, {@code users/u1 tombstone}. */
        public String summary() {
            if (value == null) {
                return topic + "/" + key + " tombstone";
            }
            if (value instanceof GroupMembership m) {
                return topic + "/" + key + " present=" + m.getPresent();
            }
            if (value instanceof DirectoryUser u) {
                return topic + "/" + key + " " + u.getLifecycle();
            }
            if (value instanceof DirectoryGroup g) {
                return topic + "/" + key + " " + g.getLifecycle();
            }
            return topic + "/" + key;
        }
    }

    private final KafkaConsumer<String, Object> consumer;
    private final TopicNames names;

    public TopicWatcher(String bootstrapServers, String registryUrl, TopicNames names) {
        this.names = names;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        config.put("schema.registry.url", registryUrl);
        config.put("specific.avro.reader", true);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(names.users(), names.groups(), names.memberships())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits (up to 30 s) for exactly {@code count} new records, then makes sure no further record follows within 300 ms. */
    public List<Published> next(int count) {
        List<Published> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            poll(records, Duration.ofMillis(200));
        }
        long quiet = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < quiet) {
            poll(records, Duration.ofMillis(100));
        }
        if (records.size() != count) {
            throw new AssertionError("Expected " + count + " records, got " + records.size() + ": "
                    + records.stream().map(Published::summary).toList());
        }
        return records;
    }

    private void poll(List<Published> into, Duration timeout) {
        for (ConsumerRecord<String, Object> record : consumer.poll(timeout)) {
            String topic = record.topic().equals(names.users()) ? "users"
                    : record.topic().equals(names.groups()) ? "groups" : "memberships";
            into.add(new Published(topic, record.key(), record.value()));
        }
    }

    /** Records of one topic, in order. */
    public static List<Published> of(List<Published> records, String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /**
     * Summaries sorted by topic and key, keeping the publish order of each key (records of one key
     * share a partition, so their order is defined; records of different topics are not).
     */
    public static List<String> byKey(List<Published> records) {
        return records.stream().sorted(java.util.Comparator.comparing(Published::topic).thenComparing(Published::key))
                .map(Published::summary).toList();
    }

    public static List<String> summaries(List<Published> records) {
        return records.stream().map(Published::summary).sorted().toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
