package io.scimflow.sink.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void allowsTheLimitPerWindowThenWaitsForTheOldestAnswerToLeaveTheWindow() throws Exception {
        RateBudget budget = budget(new RateBudgetSettings(true, Duration.ofSeconds(30), 1.0, Duration.ZERO, Map.of()));
        List<RateBudget.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RateBudget.Permit permit = budget.acquire(Endpoint.GET_GROUPS);
            assertThat(permit.waited()).isZero();
            permits.add(permit);
        }
        // The answers arrive 2 s later: the server saw the requests at the latest then.
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        permits.forEach(budget::answered);
        assertThat(budget.acquire(Endpoint.GET_GROUPS).waited()).isEqualTo(Duration.ofSeconds(30));
        assertThat(now.get()).isEqualTo(Duration.ofSeconds(32).toNanos());
        // Other endpoints have their own windows.
        assertThat(budget.acquire(Endpoint.GET_USERS).waited()).isZero();
    }

    @Test
    void aSlotWhoseRequestIsStillUnderWayIsNotReused() throws Exception {
        RateBudget[] holder = new RateBudget[1];
        List<RateBudget.Permit> permits = new ArrayList<>();
        AtomicLong sleeps = new AtomicLong();
        // "Sleeping" moves time; after 20 s of waiting the first request is finally answered.
        RateBudget budget = new RateBudget(new RateBudgetSettings(true, Duration.ofSeconds(30), 1.0, Duration.ZERO, Map.of()),
                now::get, nanos -> {
                    now.addAndGet(nanos);
                    if (sleeps.incrementAndGet() == 1) {
                        now.set(Duration.ofSeconds(50).toNanos());
                        holder[0].answered(permits.get(0));
                    }
                });
        holder[0] = budget;
        for (int i = 0; i < 5; i++) {
            permits.add(budget.acquire(Endpoint.GET_GROUPS));
        }
        now.set(Duration.ofSeconds(40).toNanos());
        // A window counted from the start would be over; the first request has no answer yet.
        RateBudget.Permit sixth = budget.acquire(Endpoint.GET_GROUPS);
        assertThat(sixth.slot()).isEqualTo(permits.get(0).slot());
        assertThat(now.get()).isEqualTo(Duration.ofSeconds(80).toNanos());
    }

    @Test
    void unlimitedEndpointsNeverWait() throws Exception {
        RateBudget budget = budget(RateBudgetSettings.disabled());
        for (int i = 0; i < 1000; i++) {
            RateBudget.Permit permit = budget.acquire(Endpoint.POST_USERS);
            assertThat(permit.slot()).isEqualTo(-1);
            budget.answered(permit);
        }
        assertThat(now.get()).isZero();
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
        assertThat(budget.acquire(Endpoint.POST_USERS).waited()).isEqualTo(Duration.ofSeconds(7));
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
