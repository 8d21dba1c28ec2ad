package io.scimflow.sink.quarantine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Entra's accidental-deletion prevention for a stream: counts the operations that disable or
 * delete an object on the target, and once {@code threshold} of them went through within
 * {@code window}, holds the next ones ({@link #admit} answers {@link Decision#HOLD}) until an
 * operator decides: {@link #allowUntilDrained} applies them (Entra's "allow deletes"),
 * {@link #discardUntilDrained} skips every disable and delete instead (the directory was fixed,
 * the held ones are not wanted). Either lasts until the sink has nothing left to do
 * ({@link #drained}, Entra's "for this cycle"); then counting starts again from zero. A
 * threshold of 0 turns the guard off. A new guard starts from what an earlier run of the sink
 * applied within the window ({@link #restore}), so a restart does not reset the count. Plain
 * Java; thread-safe.
 */
public final class DeletionGuard {

    private final int threshold;
    private final long windowNanos;
    private final LongSupplier nanos;
    /** When each counted operation went through, oldest first; at most {@code threshold}. */
    private final Deque<Long> admitted = new ArrayDeque<>();
    private Decision decided;
    private boolean holding;

    /** What to do with one disabling or deleting operation. */
    public enum Decision {
        /** Apply it. */
        APPLY,
        /** Wait: the threshold is reached and no operator decided yet. */
        HOLD,
        /** Skip it: an operator discarded the held deletions. */
        DISCARD
    }

    public DeletionGuard(int threshold, Duration window, LongSupplier nanos) {
        if (threshold < 0) {
            throw new IllegalArgumentException("the deletion threshold must be 0 (off) or more: " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the deletion window must be positive: " + window);
        }
        this.threshold = threshold;
        this.windowNanos = window.toNanos();
        this.nanos = nanos;
    }

    /** A guard that never holds anything. */
    public static DeletionGuard off() {
        return new DeletionGuard(0, Duration.ofHours(1), System::nanoTime);
    }

    public boolean enabled() {
        return threshold > 0;
    }

    /** Asks to apply one disabling or deleting operation; an operation that may go ahead is counted. */
    public synchronized Decision admit() {
        if (!enabled()) {
            return Decision.APPLY;
        }
        if (decided != null) {
            return decided;
        }
        long now = nanos.getAsLong();
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= windowNanos) {
            admitted.removeFirst();
        }
        if (admitted.size() >= threshold) {
            holding = true;
            return Decision.HOLD;
        }
        admitted.addLast(now);
        return Decision.APPLY;
    }

    /**
     * Counts operations applied before this guard existed (an earlier run of the sink, read back
     * from the provisioning log at start), each given by how long ago it was applied; those as old
     * as the window or older are left out. Call it before the first {@link #admit}.
     *
     * @return how many of them count (at most the threshold: more are never needed to hold)
     */
    public synchronized int restore(Collection<Duration> agesOfApplied) {
        if (!enabled()) {
            return 0;
        }
        long now = nanos.getAsLong();
        List<Long> times = new ArrayList<>(admitted);
        Duration window = Duration.ofNanos(windowNanos);
        for (Duration age : agesOfApplied) {
            if (age.isNegative()) {
                times.add(now); // stamped by a clock ahead of this one: counted as applied just now
            } else if (age.compareTo(window) < 0) {
                times.add(now - age.toNanos());
            }
        }
        times.sort(null);
        admitted.clear();
        admitted.addAll(times.subList(Math.max(0, times.size() - threshold), times.size()));
        return admitted.size();
    }

    /** An operator allowed the held deletions: every one is applied until the sink is drained. */
    public synchronized void allowUntilDrained() {
        decided = Decision.APPLY;
        holding = false;
    }

    /** An operator discarded the held deletions: every disable and delete is skipped until the sink is drained. */
    public synchronized void discardUntilDrained() {
        decided = Decision.DISCARD;
        holding = false;
    }

    /** The sink has applied and committed everything it had: an operator's decision ends, counting restarts. */
    public synchronized void drained() {
        if (decided != null) {
            decided = null;
            admitted.clear();
        }
    }

    /** True from the first held operation until an operator allows deletions. */
    public synchronized boolean holding() {
        return holding;
    }

    /** The operator's decision in force until the sink is drained, or null. */
    public synchronized Decision decided() {
        return decided;
    }

    /** Why operations are held, in words an operator can act on. */
    public String reason() {
        return "accidental-deletion threshold reached: " + threshold + " users or groups disabled or deleted within "
                + Duration.ofNanos(windowNanos) + " (scimflow.sink.deletion-guard); the next ones are held. "
                + "If they are intended, POST /admin/allow-deletes; if not, fix the directory or the scope, then POST /admin/discard-deletes";
    }
}
