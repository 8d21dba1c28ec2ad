package io.scimflow.sink.reconcile;

/**
 * An operation that cannot be applied whatever the target does (bad JSON in a value, an
 * unknown action): permanent, goes to the dead-letter topic.
 */
public class InvalidOperationException extends RuntimeException {

    public InvalidOperationException(String message) {
        super(message);
    }
}
