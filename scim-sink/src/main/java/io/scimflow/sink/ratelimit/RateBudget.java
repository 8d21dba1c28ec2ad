package io.scimflow.sink.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Client-side per-endpoint sliding windows: a request may start only when fewer than the
 * endpoint's limit started within the last window, so a large sync runs at the target's ceiling
 * instead of into 429s. After a 429 the endpoint is held back until the server's
 * {@code Retry-After} (or the back-off) has passed. Thread-safe; callers block in
 * {@link #acquire}.
 */
public final class RateBudget {

    private final RateBudgetSettings settings;
    private final Map<Endpoint, Window> windows = new EnumMap<>(Endpoint.class);
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    /** Blocks the caller; replaced in tests by a fake clock. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public RateBudget(RateBudgetSettings settings) {
        this(settings, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public RateBudget(RateBudgetSettings settings, LongSupplier nanoClock, Sleeper sleeper) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        long windowNanos = settings.window().plus(settings.safetyMargin()).toNanos();
        for (Endpoint endpoint : Endpoint.values()) {
            int limit = settings.enabled() ? settings.limitOf(endpoint) : 0;
            windows.put(endpoint, new Window(limit, windowNanos));
        }
    }

    public RateBudgetSettings settings() {
        return settings;
    }

    /**
     * Waits until a request to this endpoint fits the budget, then counts it.
     *
     * @return how long the caller waited
     */
    public Duration acquire(Endpoint endpoint) throws InterruptedException {
        Window window = windows.get(endpoint);
        long waited = 0;
        while (true) {
            long wait = window.tryAcquire(nanoClock.getAsLong());
            if (wait <= 0) {
                return Duration.ofNanos(waited);
            }
            sleeper.sleepNanos(wait);
            waited += wait;
        }
    }

    /** Holds every request to this endpoint back for the given time (after a 429). */
    public void holdBack(Endpoint endpoint, Duration duration) {
        windows.get(endpoint).holdUntil(nanoClock.getAsLong() + duration.toNanos());
    }

    /** The effective limit per window (0 = unlimited). */
    public int limit(Endpoint endpoint) {
        return windows.get(endpoint).limit();
    }

    /** A ring of the last {@code limit} start times, plus a hold-back deadline. */
    private static final class Window {

        private final long[] starts;
        private final long windowNanos;
        private int next;
        private int used;
        private long heldUntil = Long.MIN_VALUE;

        Window(int limit, long windowNanos) {
            this.starts = new long[Math.max(0, limit)];
            this.windowNanos = windowNanos;
        }

        int limit() {
            return starts.length;
        }

        synchronized void holdUntil(long deadline) {
            if (heldUntil == Long.MIN_VALUE || deadline - heldUntil > 0) {
                heldUntil = deadline;
            }
        }

        /** @return 0 when admitted, else nanoseconds to wait before trying again */
        synchronized long tryAcquire(long now) {
            if (heldUntil != Long.MIN_VALUE && heldUntil - now > 0) {
                return heldUntil - now;
            }
            if (starts.length == 0) {
                return 0;
            }
            if (used == starts.length) {
                long age = now - starts[next];
                if (age < windowNanos) {
                    return windowNanos - age;
                }
            } else {
                used++;
            }
            starts[next] = now;
            next = (next + 1) % starts.length;
            return 0;
        }
    }
}
