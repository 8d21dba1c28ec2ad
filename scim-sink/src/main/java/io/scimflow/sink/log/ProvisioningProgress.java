package io.scimflow.sink.log;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the provisioning log entries written and reports them as one summary line at a time
 * (logger {@code io.scimflow.sink.progress}): what was done since the last line, the rate, what
 * is still waiting and the total since the start. For example:
 * {@code Provisioned 23,456 operations in 10.0 s (2,346/s): 23,400 created, 56 updated; 76,544 waiting; 100,000 since start}.
 *
 * <p>{@link #record} is called by the worker threads; {@link #report} by one thread (the
 * operations consumer, a few times a second). A line is logged when something was done since the
 * last one and either the interval has passed or nothing is waiting any more (so the end of a
 * burst shows at once).
 */
public final class ProvisioningProgress {

    /** {@code scimflow.sink.progress-interval}'s default. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger("io.scimflow.sink.progress");
    private static final LogAction[] ACTIONS = LogAction.values();
    private static final LogStatus[] STATUSES = LogStatus.values();

    private final long intervalNanos;
    private final LongAdder[] counts = new LongAdder[ACTIONS.length * STATUSES.length];
    private final long[] reported = new long[counts.length];
    private long lastReportNanos;
    private long total;

    /** @param interval the longest time between two lines while operations keep coming */
    public ProvisioningProgress(Duration interval, long nowNanos) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the progress interval must be positive: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.lastReportNanos = nowNanos;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** One entry written. Thread-safe. */
    public void record(LogAction action, LogStatus status) {
        counts[index(action, status)].increment();
    }

    /**
     * Logs a summary line when it is due.
     *
     * @param waiting operations taken or waiting on the topic and not yet done, or -1 when unknown
     * @return the line logged, or null when none was due
     */
    public String report(long nowNanos, long waiting) {
        long[] delta = new long[counts.length];
        long done = 0;
        for (int i = 0; i < counts.length; i++) {
            delta[i] = counts[i].sum() - reported[i];
            done += delta[i];
        }
        if (done == 0 || (nowNanos - lastReportNanos < intervalNanos && waiting != 0)) {
            return null;
        }
        double seconds = Math.max(1, nowNanos - lastReportNanos) / 1e9;
        total += done;
        for (int i = 0; i < counts.length; i++) {
            reported[i] += delta[i];
        }
        lastReportNanos = nowNanos;
        String line = line(done, seconds, delta, waiting, total);
        log.info(line);
        return line;
    }

    static String line(long done, double seconds, long[] delta, long waiting, long total) {
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Provisioned %,d operation%s in %.1f s (%s/s): ",
                done, done == 1 ? "" : "s", seconds,
                rate < 10 ? String.format(Locale.ROOT, "%.1f", rate) : String.format(Locale.ROOT, "%,d", Math.round(rate))));
        int parts = 0;
        for (LogAction action : ACTIONS) {
            parts = part(line, parts, delta[index(action, LogStatus.SUCCESS)], succeeded(action));
        }
        parts = part(line, parts, sum(delta, LogStatus.SKIPPED), "skipped (nothing to change)");
        parts = part(line, parts, sum(delta, LogStatus.DROPPED), "dropped (the target cannot do them)");
        part(line, parts, sum(delta, LogStatus.FAILURE), "failed (parked on the dead-letter topic)");
        if (waiting >= 0) {
            line.append(String.format(Locale.ROOT, "; %,d waiting", waiting));
        }
        return line.append(String.format(Locale.ROOT, "; %,d since start", total)).toString();
    }

    private static int part(StringBuilder line, int parts, long count, String what) {
        if (count == 0) {
            return parts;
        }
        line.append(parts == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d ", count)).append(what);
        return parts + 1;
    }

    private static String succeeded(LogAction action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DISABLE -> "disabled";
            case DELETE -> "deleted";
            case OTHER -> "other changes";
        };
    }

    private static long sum(long[] delta, LogStatus status) {
        long sum = 0;
        for (LogAction action : ACTIONS) {
            sum += delta[index(action, status)];
        }
        return sum;
    }

    private static int index(LogAction action, LogStatus status) {
        return action.ordinal() * STATUSES.length + status.ordinal();
    }
}
