package io.scimflow.benchmarks.run;

import java.time.Instant;

/** When each stage of a sync was done, as the benchmark saw it (polled, so late by up to ~0.2 s). */
public final class StageTimes {

    private volatile Instant firstPublished;
    private volatile Instant firstOperation;
    private volatile Instant published;
    private volatile Instant workerCaughtUp;

    /** The first of the producer's records of the sync was on {@code directory.users}. */
    public Instant firstPublished() {
        return firstPublished;
    }

    void firstPublished(Instant at) {
        firstPublished = at;
    }

    /** The worker's first operation of the sync was on {@code provisioning.operations}. */
    public Instant firstOperation() {
        return firstOperation;
    }

    void firstOperation(Instant at) {
        firstOperation = at;
    }

    /** The producer's records of the sync were all on {@code directory.users}. */
    public Instant published() {
        return published;
    }

    void published(Instant at) {
        published = at;
    }

    /** The worker had committed everything on the directory topics. */
    public Instant workerCaughtUp() {
        return workerCaughtUp;
    }

    void workerCaughtUp(Instant at) {
        workerCaughtUp = at;
    }
}
