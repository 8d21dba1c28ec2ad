package io.scimflow.sink.log;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.schemas.topics.EndOffsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back from the provisioning log when the disables and deletes of a recent period were
 * applied (entries with action DISABLE or DELETE and status SUCCESS), so that a sink that starts
 * again goes on counting toward its accidental-deletion threshold instead of starting from zero.
 * It reads every partition of the topic from the first record at or after the start of the
 * period (by record timestamp) up to the end offsets taken when it starts, without a consumer
 * group. Entries of every instance are read. Not thread-safe; the caller owns the consumer.
 */
public final class AppliedDeletionsReader {

    private static final Logger log = LoggerFactory.getLogger(AppliedDeletionsReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Deserializer<Object> values;

    public AppliedDeletionsReader(Consumer<String, byte[]> consumer, String topic, Deserializer<Object> values) {
        this.consumer = consumer;
        this.topic = topic;
        this.values = values;
    }

    /**
     * The timestamps of the disables and deletes applied at or after {@code since}, oldest
     * partition first (not sorted across partitions).
     *
     * @throws IllegalStateException when the topic cannot be read to its end within {@code timeout}
     */
    public List<Instant> since(Instant since, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> fromTime = new HashMap<>();
        for (PartitionInfo info : infos) {
            fromTime.put(new TopicPartition(topic, info.partition()), since.toEpochMilli());
        }
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(fromTime, timeout).entrySet()) {
            if (found.getValue() != null) { // null: nothing written since then
                starts.put(found.getKey(), found.getValue().offset());
            }
        }
        List<Instant> applied = new ArrayList<>();
        if (starts.isEmpty()) {
            return applied;
        }
        consumer.assign(starts.keySet());
        starts.forEach(consumer::seek);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(starts.keySet(), timeout));
        long toRead = 0;
        for (var start : starts.entrySet()) {
            toRead += Math.max(0, ends.get(start.getKey()) - start.getValue());
        }
        long read = 0;
        long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
        while (!EndOffsets.reached(consumer, ends)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("cannot read the provisioning log " + topic + " back to " + since
                        + " within " + timeout.toSeconds() + " s (read " + read + " of " + toRead + " entries)");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                read++;
                Instant at = appliedDeletion(record);
                if (at != null && !at.isBefore(since)) {
                    applied.add(at);
                }
            }
            if (System.nanoTime() - nextProgress > 0) {
                log.info("Reading the provisioning log {} back to {}: {} of {} entries", topic, since, read, toRead);
                nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
            }
        }
        return applied;
    }

    /** When the entry's disable or delete was applied, or null when it is not one (or cannot be read). */
    private Instant appliedDeletion(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        Object decoded;
        try {
            decoded = values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping an unreadable provisioning-log record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return null;
        }
        if (decoded instanceof ProvisioningLogEntry entry && entry.getStatus() == LogStatus.SUCCESS
                && (entry.getAction() == LogAction.DISABLE || entry.getAction() == LogAction.DELETE)) {
            return entry.getTimestamp();
        }
        return null;
    }
}
