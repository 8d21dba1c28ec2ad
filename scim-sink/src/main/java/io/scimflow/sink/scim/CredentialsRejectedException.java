package io.scimflow.sink.scim;

/**
 * The target answered 401 (token not accepted) or 403 (e.g. SCIM turned off for the org). Not
 * a problem of one record: the sink quarantines (pauses) instead of failing every record.
 */
public class CredentialsRejectedException extends RuntimeException {

    private final int status;

    public CredentialsRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
