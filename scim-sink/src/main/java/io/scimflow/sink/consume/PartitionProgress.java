package io.scimflow.sink.consume;

import java.util.TreeSet;

/**
 * Offsets of one partition taken from Kafka and not yet done. The committable offset is the
 * first offset not done, so an offset is committed only when every record before it in the
 * partition is done or parked. Thread-safe.
 */
final class PartitionProgress {

    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    synchronized void started(long offset) {
        pending.add(offset);
        next = Math.max(next, offset + 1);
    }

    synchronized void done(long offset) {
        pending.remove(offset);
    }

    /** The offset to commit, or -1 when nothing was taken yet. */
    synchronized long committable() {
        return pending.isEmpty() ? next : pending.first();
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized long committed() {
        return committed;
    }

    synchronized void committedUpTo(long offset) {
        committed = Math.max(committed, offset);
    }
}
