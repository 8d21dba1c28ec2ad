package io.scimflow.benchmarks.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeoutException;

import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.common.TopicPartition;

/**
 * An initial sync, measured: the pipeline starts on an empty directory and becomes idle
 * (the sink has listed the empty target); then the synthetic directory replaces the file
 * at once. The clock runs from that instant to the target's last write request, read once
 * the pipeline is idle again. Optionally a warm-up sync of the directory's first users runs
 * before, unmeasured, and records go through the broker for a while (see {@link BrokerWarmUp}).
 * The clock starts once the machine is quiet: the apps' start and the warm-ups leave
 * compilation and clean-up work behind that would otherwise land in the measured sync.
 * The directory file lives in a {@link ScratchDirectory}, removed when the run ends.
 */
public final class SyncRun {

    private SyncRun() {
    }

    /** The result and the users the target ended with (for the direct baseline). */
    public record Outcome(SyncMeasurement measurement, List<UserSnapshot> targetUsers) {
    }

    public static Outcome run(PipelineSpec spec, BenchmarkDirectory directory, Duration timeout, Progress progress) throws TimeoutException {
        return run(spec, directory, 0, Duration.ZERO, timeout, progress);
    }

    /**
     * As {@link #run(PipelineSpec, BenchmarkDirectory, Duration, Progress)}, but first, unmeasured,
     * the directory's first {@code warmupUsers} users are synced (the apps' JIT compiles their hot
     * paths on them); the measured sync is then the other users of the directory. With a
     * non-zero {@code brokerWarmup}, {@link BrokerWarmUp} runs that long before.
     */
    public static Outcome run(PipelineSpec spec, BenchmarkDirectory directory, int warmupUsers, Duration brokerWarmup, Duration timeout,
            Progress progress) throws TimeoutException {
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            return run(spec, directory, warmupUsers, brokerWarmup, timeout, progress, scratch.resolve("directory.yaml"));
        }
    }

    private static Outcome run(PipelineSpec spec, BenchmarkDirectory directory, int warmupUsers, Duration brokerWarmup, Duration timeout,
            Progress progress, Path file) throws TimeoutException {
        BenchmarkDirectory.writeEmpty(file);
        progress.say("starting the pipeline (%d sink%s, concurrency %d)", spec.sinks(), spec.sinks() == 1 ? "" : "s", spec.sinkConcurrency());
        try (PipelineUnderTest pipeline = PipelineUnderTest.start(spec, file, Duration.ofMinutes(3))) {
            progress.say("ready after %.1f s", pipeline.startupSeconds());
            if (!brokerWarmup.isZero()) {
                BrokerWarmUp.Summary sent = BrokerWarmUp.run(pipeline.pipeline().adminConfig(), brokerWarmup);
                progress.say("broker warm-up: %d records in %d flushes, %d commits in %d s (not measured)", sent.records(), sent.flushes(),
                        sent.commits(), brokerWarmup.toSeconds());
            }
            Set<String> warmedUp = Set.of();
            if (warmupUsers > 0) {
                long before = pipeline.publishedUserRecords();
                Path warmup = directory.firstUsers(warmupUsers).writeAside(file);
                Instant warmupStart = Instant.now();
                BenchmarkDirectory.moveIntoPlace(warmup, file);
                pipeline.awaitSynced(before + warmupUsers, Duration.ofSeconds(3), timeout);
                warmedUp = pipeline.target().users().stream().map(UserSnapshot::userName).collect(Collectors.toSet());
                progress.say("warm-up: %d users synced in %.1f s (not measured)", warmedUp.size(),
                        seconds(warmupStart, pipeline.lastWrite()));
            }
            // Written before the machine settles, as an export job writes the file before it moves it into place.
            Path aside = directory.writeAside(file);
            double settled = MachineQuiet.await();
            progress.say("machine quiet (under %.1f cores for 1 s) after %.1f s", MachineQuiet.QUIET_CORES, settled);
            int measuredUsers = directory.users() - warmupUsers;
            progress.say("syncing %d directory users", measuredUsers);
            long publishedBefore = pipeline.publishedUserRecords();
            pipeline.target().clearJournal();
            Map<String, Long> requestsBefore = pipeline.target().requestCounts();
            long rateLimitedBefore = pipeline.target().rateLimitedCount();
            Map<String, Double> cpuBefore = pipeline.cpuSeconds();
            Map<String, Long> brokerBefore = BrokerRequests.counts();
            HarnessCompiler jitBefore = HarnessCompiler.mark();

            Map<String, Object> clients = pipeline.pipeline().adminConfig();
            Map<TopicPartition, Long> usersFrom = RecordSpan.endOffsets(clients, Topics.DIRECTORY_USERS);
            Map<TopicPartition, Long> operationsFrom = RecordSpan.endOffsets(clients, Topics.PROVISIONING_OPERATIONS);

            double loadAverage = LoadAverage.oneMinute();
            Instant start = Instant.now();
            BenchmarkDirectory.moveIntoPlace(aside, file);
            StageTimes stages = new StageTimes();
            pipeline.awaitSynced(publishedBefore + measuredUsers, Duration.ofSeconds(3), timeout, stages);
            Instant end = pipeline.lastWrite();
            Instant firstWrite = pipeline.firstWrite();

            List<AppUsage> usage = pipeline.usageSince(cpuBefore);
            Map<String, Long> brokerRequests = BrokerRequests.since(brokerBefore);
            double jit = jitBefore.cpuSecondsSince();
            Map<String, Long> requests = minus(pipeline.target().requestCounts(), requestsBefore);
            RecordSpan published = RecordSpan.since(clients, usersFrom);
            RecordSpan operations = RecordSpan.since(clients, operationsFrom);
            Set<String> excluded = warmedUp;
            List<UserSnapshot> users = pipeline.target().users().stream().filter(u -> !excluded.contains(u.userName())).toList();
            double elapsed = Duration.between(start, end).toNanos() / 1e9;
            SyncMeasurement measurement = new SyncMeasurement(measuredUsers, users.size(), elapsed, requests,
                    pipeline.target().rateLimitedCount() - rateLimitedBefore, usage, pipeline.startupSeconds(), loadAverage,
                    seconds(start, published.first()), seconds(start, operations.first()),
                    seconds(start, published.last()), seconds(start, operations.last()),
                    seconds(start, stages.workerCaughtUp()), seconds(start, firstWrite),
                    brokerRequests, jit);
            progress.say("%d users created in %.2f s (%.1f users/s), %d requests", users.size(), elapsed,
                    measurement.usersPerSecond(), measurement.totalRequests());
            return new Outcome(measurement, users);
        }
    }

    /** NaN when the stage was not seen (e.g. no operation at all). */
    private static double seconds(Instant from, Instant to) {
        if (to == null) {
            return Double.NaN;
        }
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
