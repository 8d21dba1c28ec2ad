package io.scimflow.benchmarks.run;

import java.time.Instant;

/**
 * When the producer had published everything and the worker had caught up, as the benchmark
 * saw it (polled, so late by up to ~0.2 s). The first and last records' times come exactly from
 * their timestamps ({@link RecordSpan}).
 */
public final class StageTimes {

    private volatile Instant published;
    private volatile Instant workerCaughtUp;

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
