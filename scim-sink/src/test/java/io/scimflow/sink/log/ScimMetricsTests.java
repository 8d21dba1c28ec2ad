package io.scimflow.sink.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimflow.sink.ratelimit.Endpoint;
import org.junit.jupiter.api.Test;

class ScimMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScimMetrics metrics = new ScimMetrics(meters);

    @Test
    void timesRequestsByEndpointAndStatus() {
        metrics.answered(Endpoint.POST_USERS, 201, Duration.ofMillis(10));
        metrics.answered(Endpoint.POST_USERS, 201, Duration.ofMillis(30));
        metrics.answered(Endpoint.POST_USERS, 409, Duration.ofMillis(5));
        metrics.answered(Endpoint.PATCH_USER, 201, Duration.ofMillis(7));

        var created = meters.get("scimflow.sink.scim.requests").tag("endpoint", "POST_USERS").tag("status", "201").timer();
        assertThat(created.count()).isEqualTo(2);
        assertThat(created.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(meters.get("scimflow.sink.scim.requests").tag("endpoint", "POST_USERS").tag("status", "409").timer().count()).isEqualTo(1);
        assertThat(meters.get("scimflow.sink.scim.requests").tag("endpoint", "PATCH_USER").timer().count()).isEqualTo(1);
        assertThat(meters.get("scimflow.sink.scim.requests").timers()).hasSize(3);
    }

    @Test
    void countsRateLimitsRetriesAndThrottling() {
        metrics.rateLimited(Endpoint.GET_GROUPS, Duration.ofSeconds(1));
        metrics.retrying(Endpoint.GET_GROUPS, 1, "HTTP 503", Duration.ofSeconds(1));
        metrics.retrying(Endpoint.GET_GROUPS, 2, "HTTP 503", Duration.ofSeconds(2));
        metrics.throttled(Endpoint.POST_USERS, Duration.ofMillis(250));

        assertThat(meters.get("scimflow.sink.scim.rate-limited").tag("endpoint", "GET_GROUPS").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("scimflow.sink.scim.retries").tag("endpoint", "GET_GROUPS").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("scimflow.sink.scim.throttled").tag("endpoint", "POST_USERS").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(250.0);
    }
}
