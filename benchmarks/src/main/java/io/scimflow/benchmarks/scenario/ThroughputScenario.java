package io.scimflow.benchmarks.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.scimflow.benchmarks.result.ScenarioResult;
import io.scimflow.benchmarks.run.AppUsage;
import io.scimflow.benchmarks.run.BenchmarkDirectory;
import io.scimflow.benchmarks.run.DirectPostLoop;
import io.scimflow.benchmarks.run.HarnessCompiler;
import io.scimflow.benchmarks.run.MachineQuiet;
import io.scimflow.benchmarks.run.PipelineSpec;
import io.scimflow.benchmarks.run.Progress;
import io.scimflow.benchmarks.run.SyncMeasurement;
import io.scimflow.benchmarks.run.SyncRun;
import io.scimflow.miroserver.UserSnapshot;

/**
 * 1. Initial sync throughput, no rate limits, no added latency: users per second end to end,
 * against the same users POSTed by a plain loop to a fresh server in the same run. Each case
 * measures pairs (a sync on a fresh pipeline, then the loop right after it) and reports
 * medians: one sync or one loop on a small shared machine moves by ±20 % from one run to the next.
 */
public final class ThroughputScenario {

    private final List<Integer> sizes;
    private final String shape;
    private final int sinkConcurrency;
    private final int workerConcurrency;
    private final int warmupUsers;
    private final int targetWarmup;
    private final Duration brokerWarmup;
    private final int repeats;

    /**
     * @param repeats measured pairs per case: a sync on a fresh pipeline, then a plain loop on a fresh server
     */
    public ThroughputScenario(List<Integer> sizes, String shape, int sinkConcurrency, int workerConcurrency, int warmupUsers,
            int targetWarmup, Duration brokerWarmup, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, not " + repeats);
        }
        this.targetWarmup = targetWarmup;
        this.brokerWarmup = brokerWarmup;
        this.sizes = List.copyOf(sizes);
        this.shape = shape;
        this.sinkConcurrency = sinkConcurrency;
        this.workerConcurrency = workerConcurrency;
        this.warmupUsers = warmupUsers;
        this.repeats = repeats;
    }

    /**
     * One measured sync and the plain loop that ran right after it, on the same users.
     *
     * @param loopJitSeconds CPU seconds the harness JVM's JIT compiler threads used during the loop
     */
    record Pair(SyncMeasurement sync, double sequentialUsersPerSecond, double loopJitSeconds) {
        double ratio() {
            return sync.usersPerSecond() / sequentialUsersPerSecond;
        }
    }

    public List<ScenarioResult> run() throws TimeoutException {
        List<ScenarioResult> results = new ArrayList<>();
        for (int users : sizes) {
            String label = "users=" + users + " " + shape + (warmupUsers > 0 ? " warm" : "");
            Progress progress = new Progress("throughput " + label);
            BenchmarkDirectory directory = BenchmarkDirectory.of(shape, users + warmupUsers);
            PipelineSpec spec = new PipelineSpec(1, sinkConcurrency, workerConcurrency, false, Duration.ofSeconds(30), Duration.ZERO, directory.groupNames());
            String warmUpNote = "none";
            if (targetWarmup > 0) {
                progress.say("warming the target server's code up: at least %d POSTs to a scratch server, until steady", targetWarmup);
                List<Double> rounds = DirectPostLoop.warmUp(spec.miroSettings(), targetWarmup);
                warmUpNote = rounds.size() * DirectPostLoop.WARM_UP_ROUND + " POSTs to a scratch server before the pipeline started, rounds of "
                        + DirectPostLoop.WARM_UP_ROUND + " at " + rounds.stream().map(r -> String.format(java.util.Locale.ROOT, "%.0f", r)).toList()
                        + " users/s";
                progress.say("target warm-up: %s", warmUpNote);
            }
            List<Pair> pairs = new ArrayList<>();
            List<UserSnapshot> targetUsers = List.of(); // the last pair's only: at 100,000 users each list is ~1 GB of heap
            for (int run = 1; run <= repeats; run++) {
                if (repeats > 1) {
                    progress.say("pair %d of %d: a sync on a fresh pipeline, then a plain loop", run, repeats);
                }
                Measured measured = measurePair(spec, directory, progress);
                pairs.add(measured.pair());
                targetUsers = measured.targetUsers();
            }
            int created = targetUsers.size();
            double quietAgain = MachineQuiet.await();
            progress.say("direct baseline again, right after the last one: %d POSTs, sequential (machine quiet after %.1f s)", created, quietAgain);
            double loopAfterLoop = created / DirectPostLoop.run(spec.miroSettings(), spec.teams(), targetUsers, 1);
            MachineQuiet.await();
            progress.say("direct baseline: %d POSTs on %d threads", created, sinkConcurrency);
            double concurrent = created / DirectPostLoop.run(spec.miroSettings(), spec.teams(), targetUsers, sinkConcurrency);

            double ratio = median(pairs.stream().mapToDouble(Pair::ratio).toArray());
            double[] pipelineRates = pairs.stream().mapToDouble(p -> p.sync().usersPerSecond()).toArray();
            double[] sequentialRates = pairs.stream().mapToDouble(Pair::sequentialUsersPerSecond).toArray();
            SyncMeasurement typical = medianSync(pairs);
            double pipeline = median(pipelineRates);
            double sequential = median(sequentialRates);
            progress.say("median of %d: pipeline %.1f users/s, direct sequential %.1f, direct x%d %.1f: ratio %.2f",
                    pairs.size(), pipeline, sequential, sinkConcurrency, concurrent, ratio);

            Metrics metrics = new Metrics()
                    .put("directory_users", users)
                    .put("created_users", typical.created())
                    .put("pipeline_s", typical.elapsedSeconds())
                    .put("pipeline_users_per_s", pipeline)
                    .put("pipeline_min_users_per_s", Arrays.stream(pipelineRates).min().orElseThrow())
                    .put("pipeline_max_users_per_s", Arrays.stream(pipelineRates).max().orElseThrow())
                    .put("direct_sequential_users_per_s", sequential)
                    .put("direct_sequential_min_users_per_s", Arrays.stream(sequentialRates).min().orElseThrow())
                    .put("direct_sequential_max_users_per_s", Arrays.stream(sequentialRates).max().orElseThrow())
                    .put("direct_sequential_harness_jit_s", median(pairs.stream().mapToDouble(Pair::loopJitSeconds).toArray()))
                    .put("direct_sequential_after_loop_users_per_s", loopAfterLoop)
                    .put("ratio_pipeline_vs_sequential_after_loop", pipeline / loopAfterLoop)
                    .put("ratio_pipeline_vs_sequential", ratio)
                    .put("ratio_min", pairs.stream().mapToDouble(Pair::ratio).min().orElseThrow())
                    .put("ratio_max", pairs.stream().mapToDouble(Pair::ratio).max().orElseThrow())
                    .put("direct_concurrent_users_per_s", concurrent)
                    .put("ratio_pipeline_vs_concurrent", pipeline / concurrent)
                    .put("requests_per_created_user", (double) typical.totalRequests() / typical.created())
                    .put("cpu_ms_per_user", cpuMillisPerUser(typical))
                    .sync("", typical)
                    .note("directory", shape)
                    .note("warm-up", warmupUsers > 0 ? warmupUsers + " users synced first, not measured" : "none (cold apps)")
                    .note("target server warm-up", warmUpNote)
                    .note("broker warm-up", brokerWarmup.isZero() ? "none"
                            : brokerWarmup.toSeconds() + " s of records through a scratch topic after the apps started")
                    .note("worker concurrency", String.valueOf(workerConcurrency))
                    .note("sink concurrency", String.valueOf(sinkConcurrency))
                    .note("pairs", pairs.size() + " × (a sync on a fresh pipeline, then a plain loop on a fresh server); users/s of each: "
                            + pairs.stream().map(p -> String.format(java.util.Locale.ROOT, "%.0f vs %.0f", p.sync().usersPerSecond(),
                                    p.sequentialUsersPerSecond())).toList()
                            + "; the ratio is the median of the pairs' ratios, the stages, CPU and memory are the median sync's")
                    .note("direct concurrent threads", String.valueOf(sinkConcurrency))
                    .target("ratio >= 0.8 of the direct (sequential) baseline", ratio >= 0.8, Metrics.f(ratio));
            results.add(new ScenarioResult("throughput", label, metrics.values, metrics.notes));
        }
        return results;
    }

    /** A pair and the users the target ended with (the loop's bodies). */
    private record Measured(Pair pair, List<UserSnapshot> targetUsers) {
    }

    /** A sync on a fresh pipeline, then, once the machine is quiet, the plain loop on the users the target ended with. */
    private Measured measurePair(PipelineSpec spec, BenchmarkDirectory directory, Progress progress) throws TimeoutException {
        SyncRun.Outcome outcome = SyncRun.run(spec, directory, warmupUsers, brokerWarmup, Duration.ofMinutes(30), progress);
        SyncMeasurement m = outcome.measurement();
        double quiet = MachineQuiet.await();
        progress.say("direct baseline: %d POSTs, sequential (machine quiet after %.1f s)", m.created(), quiet);
        HarnessCompiler jitBefore = HarnessCompiler.mark();
        double sequential = m.created() / DirectPostLoop.run(spec.miroSettings(), spec.teams(), outcome.targetUsers(), 1);
        Pair pair = new Pair(m, sequential, jitBefore.cpuSecondsSince());
        progress.say("pipeline %.1f users/s, direct sequential %.1f: ratio %.2f", m.usersPerSecond(), sequential, pair.ratio());
        return new Measured(pair, outcome.targetUsers());
    }

    /** The sync whose users per second are the median of the pairs (the lower middle one of an even count). */
    static SyncMeasurement medianSync(List<Pair> pairs) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(java.util.Comparator.comparingDouble(p -> p.sync().usersPerSecond()));
        return sorted.get((sorted.size() - 1) / 2).sync();
    }

    /** CPU of every process (apps and harness) during the sync, per created user. */
    static double cpuMillisPerUser(SyncMeasurement m) {
        return m.apps().stream().mapToDouble(AppUsage::cpuSeconds).sum() * 1000 / m.created();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
