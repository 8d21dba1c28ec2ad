package io.scimflow.sink.ratelimit;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait between attempts. Immutable.
 *
 * @param maxAttempts attempts for 5xx answers and timeouts before the operation is parked on the
 *        dead-letter topic (429s are retried without limit, always after a wait)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff upper bound of one wait
 * @param multiplier growth of the wait per attempt
 * @param rateLimitBackoff first wait after a 429 without {@code Retry-After}; doubles per
 *        consecutive 429 up to {@code rateLimitMaxBackoff}
 * @param rateLimitMaxBackoff upper bound of one wait after a 429
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
        Duration rateLimitBackoff, Duration rateLimitMaxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, Duration.ofSeconds(30),
                Duration.ofMinutes(2));
    }

    /** Wait after failed attempt number {@code attempt} (1-based), with full jitter in [d/2, d]. */
    public Duration backoff(int attempt, RandomGenerator random) {
        return jitter(grow(initialBackoff, attempt, maxBackoff), random);
    }

    /**
     * Wait after the {@code consecutive}-th 429 in a row (1-based): the server's Retry-After when
     * given, else an exponential back-off with jitter starting at {@link #rateLimitBackoff}.
     */
    public Duration rateLimitWait(int consecutive, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            // A little jitter keeps all waiting workers from coming back at the same instant.
            long spread = Math.max(1, retryAfter.toMillis() / 10);
            return retryAfter.plusMillis(random.nextLong(spread));
        }
        return jitter(grow(rateLimitBackoff, consecutive, rateLimitMaxBackoff), random);
    }

    private Duration grow(Duration first, int attempt, Duration cap) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
        double millis = Math.min(cap.toMillis(), first.toMillis() * factor);
        return Duration.ofMillis((long) millis);
    }

    private static Duration jitter(Duration d, RandomGenerator random) {
        long millis = d.toMillis();
        if (millis <= 1) {
            return d;
        }
        long half = millis / 2;
        return Duration.ofMillis(half + random.nextLong(millis - half + 1));
    }
}
