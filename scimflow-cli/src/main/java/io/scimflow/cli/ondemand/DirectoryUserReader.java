package io.scimflow.cli.ondemand;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads one user's current state from the compacted users topic: the last record with its key.
 * Looks in the partition Kafka's default partitioner puts the key in first, then, when the key
 * is not there (records written with another partitioner), in every partition. No consumer group.
 */
final class DirectoryUserReader {

    /** The user's last record: its value (null for a tombstone) and where it was. */
    record Found(DirectoryUser user, int partition, long offset) {
    }

    private final Map<String, Object> kafka;
    private final Map<String, Object> serde;
    private final Duration timeout;

    DirectoryUserReader(Map<String, Object> kafka, Map<String, Object> serde, Duration timeout) {
        this.kafka = kafka;
        this.serde = serde;
        this.timeout = timeout;
    }

    Optional<Found> find(String topic, String userId) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(serde, false);
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist: has the directory-producer run against this Kafka?");
            }
            List<TopicPartition> all = new ArrayList<>();
            infos.forEach(info -> all.add(new TopicPartition(topic, info.partition())));
            int home = Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % all.size();
            Optional<Found> found = scan(consumer, List.of(new TopicPartition(topic, home)), userId);
            if (found.isEmpty()) {
                found = scan(consumer, all, userId);
            }
            return found;
        }
    }

    private Optional<Found> scan(KafkaConsumer<String, Object> consumer, List<TopicPartition> partitions, String userId) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Found last = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partitions + " to its end within " + timeout.toSeconds() + " s");
            }
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(300))) {
                if (userId.equals(record.key())) {
                    last = new Found(record.value() instanceof DirectoryUser user ? user : null, record.partition(), record.offset());
                }
            }
        }
        return Optional.ofNullable(last);
    }
}
