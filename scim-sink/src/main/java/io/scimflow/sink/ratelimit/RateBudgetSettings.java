package io.scimflow.sink.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Client-side rate budgets. Immutable.
 *
 * @param enabled false sends requests as fast as the workers produce them
 * @param window length of the sliding window (Miro: 30 s)
 * @param scale multiplies every limit (e.g. 0.5 to leave half the budget to other clients)
 * @param safetyMargin extra time added to the window so that network jitter never makes the
 *        server see more requests in its window than allowed
 * @param limits requests per window per endpoint; an endpoint absent here uses Miro's limit,
 *        0 means unlimited
 */
public record RateBudgetSettings(boolean enabled, Duration window, double scale, Duration safetyMargin,
        Map<Endpoint, Integer> limits) {

    public RateBudgetSettings {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive");
        }
        limits = limits.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(limits));
    }

    public static RateBudgetSettings miroDefaults() {
        return new RateBudgetSettings(true, Duration.ofSeconds(30), 1.0, Duration.ofMillis(250), Map.of());
    }

    public static RateBudgetSettings disabled() {
        return new RateBudgetSettings(false, Duration.ofSeconds(30), 1.0, Duration.ZERO, Map.of());
    }

    /** The effective limit of an endpoint after scaling; 0 means unlimited. */
    public int limitOf(Endpoint endpoint) {
        int base = limits.getOrDefault(endpoint, endpoint.miroLimit());
        if (base <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.floor(base * scale));
    }
}
