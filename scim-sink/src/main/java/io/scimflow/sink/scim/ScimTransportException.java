package io.scimflow.sink.scim;

/**
 * A SCIM request that got no HTTP answer: timeout, refused connection, unknown host, TLS
 * failure. The cause is the I/O exception.
 */
public class ScimTransportException extends RuntimeException {

    public ScimTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
