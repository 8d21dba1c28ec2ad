package io.scimflow.benchmarks.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.scimflow.benchmarks.result.ScenarioResult;
import io.scimflow.benchmarks.run.BenchmarkDirectory;
import io.scimflow.benchmarks.run.DirectPostLoop;
import io.scimflow.benchmarks.run.MachineQuiet;
import io.scimflow.benchmarks.run.PipelineSpec;
import io.scimflow.benchmarks.run.Progress;
import io.scimflow.benchmarks.run.SyncMeasurement;
import io.scimflow.benchmarks.run.SyncRun;

/**
 * 1. Initial sync throughput, no rate limits, no added latency: users per second end to end,
 * against the same users POSTed by a plain loop to a fresh server in the same run.
 */
public final class ThroughputScenario {

    /**
     * Sequential direct loops per case; the ratio uses their median. One loop's rate moves by
     * up to ±20 % between runs on a small machine (the harness JVM's JIT state, GC).
     */
    static final int BASELINE_RUNS = 3;

    private final List<Integer> sizes;
    private final String shape;
    private final int sinkConcurrency;
    private final int workerConcurrency;
    private final int warmupUsers;
    private final int targetWarmup;
    private final Duration brokerWarmup;

    public ThroughputScenario(List<Integer> sizes, String shape, int sinkConcurrency, int workerConcurrency, int warmupUsers,
            int targetWarmup, Duration brokerWarmup) {
        this.targetWarmup = targetWarmup;
        this.brokerWarmup = brokerWarmup;
        this.sizes = List.copyOf(sizes);
        this.shape = shape;
        this.sinkConcurrency = sinkConcurrency;
        this.workerConcurrency = workerConcurrency;
        this.warmupUsers = warmupUsers;
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
            SyncRun.Outcome outcome = SyncRun.run(spec, directory, warmupUsers, brokerWarmup, Duration.ofMinutes(30), progress);
            SyncMeasurement m = outcome.measurement();

            double[] runs = new double[BASELINE_RUNS];
            for (int run = 0; run < BASELINE_RUNS; run++) {
                double quiet = MachineQuiet.await();
                progress.say("direct baseline %d of %d: %d POSTs, sequential (machine quiet after %.1f s)", run + 1, BASELINE_RUNS, m.created(), quiet);
                runs[run] = m.created() / DirectPostLoop.run(spec.miroSettings(), spec.teams(), outcome.targetUsers(), 1);
            }
            double sequential = median(runs);
            MachineQuiet.await();
            progress.say("direct baseline: %d POSTs on %d threads", m.created(), sinkConcurrency);
            double concurrent = m.created() / DirectPostLoop.run(spec.miroSettings(), spec.teams(), outcome.targetUsers(), sinkConcurrency);
            double ratio = m.usersPerSecond() / sequential;
            progress.say("pipeline %.1f users/s, direct sequential %.1f, direct x%d %.1f: ratio %.2f",
                    m.usersPerSecond(), sequential, sinkConcurrency, concurrent, ratio);

            Metrics metrics = new Metrics()
                    .put("directory_users", users)
                    .put("created_users", m.created())
                    .put("pipeline_s", m.elapsedSeconds())
                    .put("pipeline_users_per_s", m.usersPerSecond())
                    .put("direct_sequential_users_per_s", sequential)
                    .put("direct_sequential_first_users_per_s", runs[0])
                    .put("ratio_pipeline_vs_first_sequential", m.usersPerSecond() / runs[0])
                    .put("direct_sequential_min_users_per_s", Arrays.stream(runs).min().orElseThrow())
                    .put("direct_sequential_max_users_per_s", Arrays.stream(runs).max().orElseThrow())
                    .put("ratio_pipeline_vs_sequential", ratio)
                    .put("direct_concurrent_users_per_s", concurrent)
                    .put("ratio_pipeline_vs_concurrent", m.usersPerSecond() / concurrent)
                    .put("requests_per_created_user", (double) m.totalRequests() / m.created())
                    .sync("", m)
                    .note("directory", shape)
                    .note("warm-up", warmupUsers > 0 ? warmupUsers + " users synced first, not measured" : "none (cold apps)")
                    .note("target server warm-up", warmUpNote)
                    .note("broker warm-up", brokerWarmup.isZero() ? "none"
                            : brokerWarmup.toSeconds() + " s of records through a scratch topic after the apps started")
                    .note("worker concurrency", String.valueOf(workerConcurrency))
                .note("sink concurrency", String.valueOf(sinkConcurrency))
                    .note("direct sequential baseline", "median of " + BASELINE_RUNS + " runs, each on a fresh server")
                    .note("direct concurrent threads", String.valueOf(sinkConcurrency))
                    .target("ratio >= 0.8 of the direct (sequential) baseline", ratio >= 0.8, Metrics.f(ratio));
            results.add(new ScenarioResult("throughput", label, metrics.values, metrics.notes));
        }
        return results;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
