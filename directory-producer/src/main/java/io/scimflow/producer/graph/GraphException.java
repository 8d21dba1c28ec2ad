package io.scimflow.producer.graph;

/** Microsoft Graph (or its token endpoint) answered with an error that retrying does not fix, or retries ran out. */
public class GraphException extends RuntimeException {

    private final int status;
    private final String code;

    public GraphException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = null;
    }

    /** HTTP status, 0 for I/O errors. */
    public int status() {
        return status;
    }

    /** Graph's error code ({@code error.code}), or the OAuth {@code error}; null when absent. */
    public String code() {
        return code;
    }
}
