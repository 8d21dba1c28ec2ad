package io.scimflow.sink.consume;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Progress of every assigned partition. Thread-safe. */
final class OffsetTracker {

    private final Map<TopicPartition, PartitionProgress> partitions = new ConcurrentHashMap<>();

    void started(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, p -> new PartitionProgress()).started(offset);
    }

    void done(TopicPartition partition, long offset) {
        PartitionProgress progress = partitions.get(partition);
        if (progress != null) {
            progress.done(offset);
        }
    }

    /** Offsets that moved since the last commit, for the given partitions (all when null). */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        partitions.forEach((partition, progress) -> {
            if (only != null && !only.contains(partition)) {
                return;
            }
            long offset = progress.committable();
            if (offset >= 0 && offset > progress.committed()) {
                result.put(partition, new OffsetAndMetadata(offset));
            }
        });
        return result;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionProgress progress = partitions.get(partition);
            if (progress != null) {
                progress.committedUpTo(offset.offset());
            }
        });
    }

    int pending(Collection<TopicPartition> only) {
        int count = 0;
        for (var entry : partitions.entrySet()) {
            if (only == null || only.contains(entry.getKey())) {
                count += entry.getValue().pendingCount();
            }
        }
        return count;
    }

    /** True when every taken record is done and its offset committed. */
    boolean allCommitted() {
        for (PartitionProgress progress : partitions.values()) {
            if (progress.pendingCount() > 0 || progress.committable() > progress.committed()) {
                return false;
            }
        }
        return true;
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
