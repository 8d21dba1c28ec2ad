package io.scimflow.sink.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateBudgetTests {

    private final AtomicLong now = new AtomicLong();

    private RateBudget budget(RateBudgetSettings settings) {
        // A fake clock: "sleeping" moves time forward.
        return new RateBudget(settings, now::get, now::addAndGet);
    }

    @Test
    void allowsTheLimitPerWindowThenWaitsForTheOldestRequestToLeaveTheWindow() throws Exception {
        RateBudget budget = budget(new RateBudgetSettings(true, Duration.ofSeconds(30), 1.0, Duration.ZERO, Map.of()));
        for (int i = 0; i < 5; i++) {
            assertThat(budget.acquire(Endpoint.GET_GROUPS)).isZero();
        }
        assertThat(budget.acquire(Endpoint.GET_GROUPS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(now.get()).isEqualTo(Duration.ofSeconds(30).toNanos());
        // Other endpoints have their own windows.
        assertThat(budget.acquire(Endpoint.GET_USERS)).isZero();
    }

    @Test
    void scalesOverridesAndTurnsOff() {
        RateBudgetSettings settings = new RateBudgetSettings(true, Duration.ofSeconds(30), 0.5, Duration.ZERO,
                Map.of(Endpoint.DELETE_USER, 40));
        assertThat(settings.limitOf(Endpoint.POST_USERS)).isEqualTo(100);
        assertThat(settings.limitOf(Endpoint.DELETE_USER)).isEqualTo(20);
        assertThat(settings.limitOf(Endpoint.GET_GROUPS)).isEqualTo(2);
        assertThat(settings.limitOf(Endpoint.OTHER)).isZero();
        assertThat(budget(RateBudgetSettings.disabled()).limit(Endpoint.GET_GROUPS)).isZero();
    }

    @Test
    void holdsAnEndpointBackAfterA429() throws Exception {
        RateBudget budget = budget(RateBudgetSettings.miroDefaults());
        budget.holdBack(Endpoint.POST_USERS, Duration.ofSeconds(7));
        assertThat(budget.acquire(Endpoint.POST_USERS)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void classifiesRequestsLikeMiroCountsThem() {
        assertThat(Endpoint.of("GET", "/Users?filter=x", 0)).isEqualTo(Endpoint.GET_USERS);
        assertThat(Endpoint.of("GET", "/Users/12", 0)).isEqualTo(Endpoint.GET_USER);
        assertThat(Endpoint.of("PATCH", "/Groups/3", 499)).isEqualTo(Endpoint.PATCH_GROUP_SMALL);
        assertThat(Endpoint.of("PATCH", "/Groups/3", 500)).isEqualTo(Endpoint.PATCH_GROUP_LARGE);
        assertThat(Endpoint.of("GET", "/ServiceProviderConfig", 0)).isEqualTo(Endpoint.OTHER);
    }

    @Test
    void backOffGrowsWithJitterAndHonoursRetryAfter() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30),
                Duration.ofMinutes(2));
        Random random = new Random(1);
        assertThat(policy.backoff(1, random)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.backoff(3, random)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(policy.backoff(10, random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(policy.rateLimitWait(1, Duration.ofSeconds(4), random)).isBetween(Duration.ofSeconds(4), Duration.ofMillis(4400));
        assertThat(policy.rateLimitWait(2, null, random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
