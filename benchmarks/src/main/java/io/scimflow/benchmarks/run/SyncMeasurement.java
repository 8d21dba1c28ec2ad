package io.scimflow.benchmarks.run;

import java.util.List;
import java.util.Map;

/**
 * One measured sync of a directory through the pipeline.
 *
 * @param directoryUsers users in the directory
 * @param created users the target has after the sync (the in-scope ones)
 * @param elapsedSeconds from the directory file appearing to the target's last write request
 * @param requests requests per endpoint the target received during the sync
 * @param rateLimited 429 answers during the sync
 * @param apps CPU time during the sync and peak memory, per app
 * @param startupSeconds from starting the pipeline until every app was ready (not part of {@code elapsedSeconds})
 * @param firstPublishedSeconds from the start until the producer sent its first record of the sync (the record's timestamp)
 * @param firstOperationSeconds from the start until the worker sent its first operation of the sync (the record's timestamp)
 * @param publishedSeconds from the start until the producer sent its last user record of the sync (the record's timestamp)
 * @param lastOperationSeconds from the start until the worker sent its last operation of the sync (the record's timestamp)
 * @param workerDoneSeconds from the start until the worker had committed everything (its operations are on Kafka)
 * @param firstWriteSeconds from the start until the target's first write request
 * @param loadAverage the machine's 1-minute load average when the sync started (other processes count too)
 * @param brokerRequests requests the broker handled during the sync (until the pipeline was idle), per request type
 * @param harnessJitSeconds CPU seconds the harness JVM's JIT compiler threads used during the sync ({@link HarnessCompiler})
 */
public record SyncMeasurement(int directoryUsers, int created, double elapsedSeconds, Map<String, Long> requests,
        long rateLimited, List<AppUsage> apps, double startupSeconds, double loadAverage,
        double firstPublishedSeconds, double firstOperationSeconds, double publishedSeconds, double lastOperationSeconds,
        double workerDoneSeconds, double firstWriteSeconds,
        Map<String, Long> brokerRequests, double harnessJitSeconds) {

    /** Users per second from the target's first write to its last: the sinks' share of the sync. */
    public double usersPerSecondFromFirstWrite() {
        return created / (elapsedSeconds - firstWriteSeconds);
    }

    public double usersPerSecond() {
        return created / elapsedSeconds;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    public long requests(String endpoint) {
        return requests.getOrDefault(endpoint, 0L);
    }
}
