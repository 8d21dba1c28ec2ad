package io.scimflow.sink.scim;

import java.time.Duration;

import io.scimflow.sink.ratelimit.Endpoint;

/** Told about every request, for metrics. Implementations must be thread-safe and fast. */
public interface ScimCallListener {

    ScimCallListener NONE = new ScimCallListener() {
    };

    /** An HTTP answer arrived (status 0: no answer). */
    default void answered(Endpoint endpoint, int status, Duration latency) {
    }

    /** A 429 arrived; the request will be sent again after {@code wait}. */
    default void rateLimited(Endpoint endpoint, Duration wait) {
    }

    /** A 5xx or a timeout; the request will be sent again after {@code wait}. */
    default void retrying(Endpoint endpoint, int attempt, String reason, Duration wait) {
    }

    /** Waited for the client-side rate budget. */
    default void throttled(Endpoint endpoint, Duration waited) {
    }
}
