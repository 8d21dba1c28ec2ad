package io.scimflow.sink.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntConsumer;

/**
 * Counts failed operations in a sliding window and raises one alert when the count reaches the
 * threshold; the incident ends (and may alert again later) when the window holds no failure.
 * Thread-safe.
 */
public final class FailureRateMonitor {

    private final int threshold;
    private final Duration window;
    private final Clock clock;
    private final IntConsumer alert;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private boolean incidentOpen;

    /**
     * @param threshold failures within the window that raise an alert; 0 disables
     * @param alert called with the failure count, at most once per incident
     */
    public FailureRateMonitor(int threshold, Duration window, Clock clock, IntConsumer alert) {
        this.threshold = threshold;
        this.window = window;
        this.clock = clock;
        this.alert = alert;
    }

    public void record(boolean failed) {
        if (threshold <= 0) {
            return;
        }
        int count;
        synchronized (this) {
            Instant now = clock.instant();
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(window))) {
                failures.pollFirst();
            }
            if (failed) {
                failures.addLast(now);
            }
            if (failures.isEmpty()) {
                incidentOpen = false;
                return;
            }
            if (incidentOpen || failures.size() < threshold) {
                return;
            }
            incidentOpen = true;
            count = failures.size();
        }
        alert.accept(count);
    }
}
