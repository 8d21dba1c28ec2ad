package io.scimflow.sink.reconcile;

/**
 * Where an operation was read from, for the replay guard.
 *
 * @param offset offset in the operations topic; -1 when unknown (for diagnostics)
 * @param redriven true when the record was republished from the dead-letter topic (header {@code scimflow-redrive-count})
 */
public record OperationPosition(long offset, boolean redriven) {

    public static final OperationPosition UNKNOWN = new OperationPosition(-1, false);
}
