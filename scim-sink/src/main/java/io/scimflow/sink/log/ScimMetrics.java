package io.scimflow.sink.log;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimflow.sink.ratelimit.Endpoint;
import io.scimflow.sink.scim.ScimCallListener;

/**
 * SCIM request metrics: {@code scimflow.sink.scim.requests} (timer by endpoint and status),
 * {@code scimflow.sink.scim.rate-limited} (429s), {@code scimflow.sink.scim.retries}
 * (5xx and timeouts retried) and {@code scimflow.sink.scim.throttled} (waits for the client-side
 * budget). The request timers are looked up once per endpoint and status, not per request.
 * Thread-safe.
 */
public final class ScimMetrics implements ScimCallListener {

    private final MeterRegistry meters;
    private final Map<Endpoint, Map<Integer, Timer>> requestTimers = new EnumMap<>(Endpoint.class);

    public ScimMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Endpoint endpoint : Endpoint.values()) {
            requestTimers.put(endpoint, new ConcurrentHashMap<>());
        }
    }

    @Override
    public void answered(Endpoint endpoint, int status, Duration latency) {
        requestTimers.get(endpoint).computeIfAbsent(status, code -> Timer.builder("scimflow.sink.scim.requests")
                .tag("endpoint", endpoint.name()).tag("status", Integer.toString(code)).register(meters)).record(latency);
    }

    @Override
    public void rateLimited(Endpoint endpoint, Duration wait) {
        meters.counter("scimflow.sink.scim.rate-limited", "endpoint", endpoint.name()).increment();
    }

    @Override
    public void retrying(Endpoint endpoint, int attempt, String reason, Duration wait) {
        meters.counter("scimflow.sink.scim.retries", "endpoint", endpoint.name()).increment();
    }

    @Override
    public void throttled(Endpoint endpoint, Duration waited) {
        Timer.builder("scimflow.sink.scim.throttled").tag("endpoint", endpoint.name()).register(meters).record(waited);
    }
}
