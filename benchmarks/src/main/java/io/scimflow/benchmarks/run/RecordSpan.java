package io.scimflow.benchmarks.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.cli.local.ConsumerLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When the first and the last of the records a sync added to a topic were sent, from the
 * records' own timestamps (the producing client sets them when it sends each record): exact
 * to the millisecond, where polling end offsets during the sync is late by up to its interval.
 *
 * @param first the earliest timestamp among the first new record of each partition, or null when none was added
 * @param last the latest timestamp among the last new record of each partition, or null when none was added
 */
public record RecordSpan(Instant first, Instant last) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** Every partition's end offset of {@code topic} now: where the records of the next sync start. */
    public static Map<TopicPartition, Long> endOffsets(Map<String, Object> clientConfig, String topic) {
        try (Admin admin = Admin.create(clientConfig)) {
            return ConsumerLag.endOffsets(admin, List.of(topic));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The records from {@code from} (end offsets taken before the sync) to each partition's end now. */
    public static RecordSpan since(Map<String, Object> clientConfig, Map<TopicPartition, Long> from) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        Instant first = null;
        Instant last = null;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet(), READ_TIMEOUT);
            for (Map.Entry<TopicPartition, Long> start : from.entrySet()) {
                TopicPartition partition = start.getKey();
                long end = ends.getOrDefault(partition, start.getValue());
                if (end <= start.getValue()) {
                    continue;
                }
                Instant firstHere = timestampAt(consumer, partition, start.getValue());
                Instant lastHere = timestampAt(consumer, partition, end - 1);
                if (firstHere != null && (first == null || firstHere.isBefore(first))) {
                    first = firstHere;
                }
                if (lastHere != null && (last == null || lastHere.isAfter(last))) {
                    last = lastHere;
                }
            }
        }
        return new RecordSpan(first, last);
    }

    /** The timestamp of the record at {@code offset} (or of the next one, when compaction removed it); null when none came. */
    private static Instant timestampAt(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                return Instant.ofEpochMilli(record.timestamp());
            }
        }
        return null;
    }
}
