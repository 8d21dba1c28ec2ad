package io.scimflow.schemas.registry;

/** A registry call failed; the message says which call, where, and what the registry answered. */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** HTTP status of the registry's answer, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's own error code (e.g. 40401 subject not found, 40403 schema not found), 0 when none. */
    public int errorCode() {
        return errorCode;
    }
}
