package io.scimflow.sink.scim;

import java.time.Duration;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimflow.sink.ratelimit.Endpoint;

/**
 * A SCIM request that finally failed with an HTTP error. The cause is the SDK's typed
 * {@link ScimException} (status mapped to its subclass, {@code scimType} and detail kept).
 * Never contains the token.
 */
public class ScimCallException extends RuntimeException {

    private final int status;
    private final Endpoint endpoint;
    private final Duration retryAfter;

    public ScimCallException(Endpoint endpoint, String method, String path, ScimException cause, Duration retryAfter) {
        super(method + " " + path + " answered " + cause.getScimError().getStatus()
                + (cause.getScimError().getScimType() == null ? "" : " " + cause.getScimError().getScimType())
                + ": " + cause.getScimError().getDetail(), cause);
        this.status = cause.getScimError().getStatus();
        this.endpoint = endpoint;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ScimException scim() {
        return (ScimException) getCause();
    }

    public String scimType() {
        return scim().getScimError().getScimType();
    }

    public String detail() {
        return scim().getScimError().getDetail();
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
