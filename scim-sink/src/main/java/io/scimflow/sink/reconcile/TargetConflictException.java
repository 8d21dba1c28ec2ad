package io.scimflow.sink.reconcile;

/**
 * The target refuses a create because the object exists, yet no lookup finds it (for example a
 * guest account SCIM cannot see): permanent, goes to the dead-letter topic.
 */
public class TargetConflictException extends RuntimeException {

    public TargetConflictException(String message) {
        super(message);
    }
}
