package io.scimflow.benchmarks.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.scimflow.miroserver.UserSnapshot;

/**
 * An initial sync, measured: the pipeline starts on an empty directory and becomes idle
 * (the sink has listed the empty target); then the synthetic directory replaces the file
 * at once. The clock runs from that instant to the target's last write request, read once
 * the pipeline is idle again.
 */
public final class SyncRun {

    private SyncRun() {
    }

    /** The result and the users the target ended with (for the direct baseline). */
    public record Outcome(SyncMeasurement measurement, List<UserSnapshot> targetUsers) {
    }

    public static Outcome run(PipelineSpec spec, BenchmarkDirectory directory, Duration timeout, Progress progress) throws TimeoutException {
        Path scratch = PipelineUnderTest.scratchDirectory();
        Path file = scratch.resolve("directory.yaml");
        BenchmarkDirectory.writeEmpty(file);
        Path aside = directory.writeAside(file);
        progress.say("starting the pipeline (%d sink%s, concurrency %d)", spec.sinks(), spec.sinks() == 1 ? "" : "s", spec.sinkConcurrency());
        try (PipelineUnderTest pipeline = PipelineUnderTest.start(spec, file, Duration.ofMinutes(3))) {
            progress.say("ready after %.1f s; syncing %d directory users", pipeline.startupSeconds(), directory.users());
            long publishedBefore = pipeline.publishedUserRecords();
            pipeline.target().clearJournal();
            Map<String, Long> requestsBefore = pipeline.target().requestCounts();
            long rateLimitedBefore = pipeline.target().rateLimitedCount();
            Map<String, Double> cpuBefore = pipeline.cpuSeconds();

            double loadAverage = LoadAverage.oneMinute();
            Instant start = Instant.now();
            BenchmarkDirectory.moveIntoPlace(aside, file);
            StageTimes stages = new StageTimes();
            pipeline.awaitSynced(publishedBefore + directory.users(), Duration.ofSeconds(3), timeout, stages);
            Instant end = pipeline.lastWrite();
            Instant firstWrite = pipeline.firstWrite();

            List<AppUsage> usage = pipeline.usageSince(cpuBefore);
            Map<String, Long> requests = minus(pipeline.target().requestCounts(), requestsBefore);
            List<UserSnapshot> users = pipeline.target().users();
            double elapsed = Duration.between(start, end).toNanos() / 1e9;
            SyncMeasurement measurement = new SyncMeasurement(directory.users(), users.size(), elapsed, requests,
                    pipeline.target().rateLimitedCount() - rateLimitedBefore, usage, pipeline.startupSeconds(), loadAverage,
                    seconds(start, stages.published()), seconds(start, stages.workerCaughtUp()), seconds(start, firstWrite));
            progress.say("%d users created in %.2f s (%.1f users/s), %d requests", users.size(), elapsed,
                    measurement.usersPerSecond(), measurement.totalRequests());
            return new Outcome(measurement, users);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((endpoint, count) -> {
            long d = count - before.getOrDefault(endpoint, 0L);
            if (d != 0) {
                delta.put(endpoint, d);
            }
        });
        return delta;
    }
}
