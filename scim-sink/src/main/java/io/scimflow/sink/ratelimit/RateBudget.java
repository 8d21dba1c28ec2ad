package io.scimflow.sink.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Client-side per-endpoint sliding windows, so a large sync runs at the target's ceiling
 * instead of into 429s. Each endpoint has as many slots as its limit; a request takes a slot
 * ({@link #acquire}) and gives it back when its answer (or its failure) arrives
 * ({@link #answered}). A slot can be taken again only one window after that moment.
 *
 * <p>Why the answer and not the start: the server counts a request when it <em>arrives</em>,
 * which can be much later than the moment the client decided to send it (a busy machine, a
 * slow network, a queue in the HTTP client). Every arrival is before its answer, so a window
 * counted from the answer always ends after the server's: the server never sees more than the
 * limit within its window, however late requests travel. A slot whose request is still in
 * flight cannot be reused at all.
 *
 * <p>After a 429 the endpoint is held back until the server's {@code Retry-After} (or the
 * back-off) has passed. Thread-safe; callers block in {@link #acquire}.
 */
public final class RateBudget {

    /** How often a caller waiting for a slot still in flight looks again. */
    static final long IN_FLIGHT_RECHECK_NANOS = Duration.ofMillis(5).toNanos();

    private final RateBudgetSettings settings;
    private final Map<Endpoint, Window> windows = new EnumMap<>(Endpoint.class);
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    /** Blocks the caller; replaced in tests by a fake clock. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /**
     * A request's place in its endpoint's window; give it back with {@link #answered}.
     *
     * @param endpoint the endpoint it counts against
     * @param slot its slot, or -1 when the endpoint is unlimited
     * @param waited how long the caller waited for it
     */
    public record Permit(Endpoint endpoint, int slot, Duration waited) {
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

    /** Waits until a request to this endpoint fits the budget, then takes a slot for it. */
    public Permit acquire(Endpoint endpoint) throws InterruptedException {
        Window window = windows.get(endpoint);
        long waited = 0;
        long[] wait = new long[1];
        while (true) {
            Integer slot = window.tryTake(nanoClock.getAsLong(), wait);
            if (slot != null) {
                return new Permit(endpoint, slot, Duration.ofNanos(waited));
            }
            sleeper.sleepNanos(wait[0]);
            waited += wait[0];
        }
    }

    /** The request of this permit was answered (or failed): its slot's window starts now. */
    public void answered(Permit permit) {
        if (permit.slot() >= 0) {
            windows.get(permit.endpoint()).release(permit.slot(), nanoClock.getAsLong());
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

    /**
     * A ring of {@code limit} slots taken in turn; each holds when its last request was
     * answered ({@link #IN_FLIGHT} while it is under way), plus a hold-back deadline.
     */
    private static final class Window {

        private static final long IN_FLIGHT = Long.MAX_VALUE;

        private final long[] answeredAt;
        private final long windowNanos;
        private int next;
        private int used;
        private long heldUntil = Long.MIN_VALUE;

        Window(int limit, long windowNanos) {
            this.answeredAt = new long[Math.max(0, limit)];
            this.windowNanos = windowNanos;
        }

        int limit() {
            return answeredAt.length;
        }

        synchronized void holdUntil(long deadline) {
            if (heldUntil == Long.MIN_VALUE || deadline - heldUntil > 0) {
                heldUntil = deadline;
            }
        }

        /**
         * Takes the next slot if it is free now.
         *
         * @return the slot taken (-1 for an unlimited endpoint), or null when the caller must wait
         *         {@code waitNanos[0]} nanoseconds before trying again
         */
        synchronized Integer tryTake(long now, long[] waitNanos) {
            if (heldUntil != Long.MIN_VALUE && heldUntil - now > 0) {
                waitNanos[0] = heldUntil - now;
                return null;
            }
            if (answeredAt.length == 0) {
                return -1;
            }
            if (used == answeredAt.length) {
                long oldest = answeredAt[next];
                if (oldest == IN_FLIGHT) {
                    waitNanos[0] = IN_FLIGHT_RECHECK_NANOS;
                    return null;
                }
                long age = now - oldest;
                if (age < windowNanos) {
                    waitNanos[0] = windowNanos - age;
                    return null;
                }
            } else {
                used++;
            }
            int slot = next;
            answeredAt[slot] = IN_FLIGHT;
            next = (next + 1) % answeredAt.length;
            return slot;
        }

        synchronized void release(int slot, long now) {
            answeredAt[slot] = now;
        }
    }
}
