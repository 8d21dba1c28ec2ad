package io.scimflow.producer.graph;

/**
 * The stored delta link can no longer be used (410 Gone, {@code syncStateNotFound},
 * {@code resyncRequired}): the source must read everything again (a full resync).
 */
public class DeltaTokenExpiredException extends GraphException {

    public DeltaTokenExpiredException(int status, String code, String message) {
        super(status, code, message);
    }
}
