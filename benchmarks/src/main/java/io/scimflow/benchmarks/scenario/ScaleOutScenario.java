package io.scimflow.benchmarks.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.scimflow.benchmarks.result.ScenarioResult;
import io.scimflow.benchmarks.run.BenchmarkDirectory;
import io.scimflow.benchmarks.run.PipelineSpec;
import io.scimflow.benchmarks.run.Progress;
import io.scimflow.benchmarks.run.SyncMeasurement;
import io.scimflow.benchmarks.run.SyncRun;

/**
 * 4. Latency-bound scale-out: every request to the target takes {@code latency} longer, no
 * rate limits; the same initial sync with one and with two sink instances.
 */
public final class ScaleOutScenario {

    private final int users;
    private final String shape;
    private final Duration latency;
    private final int sinkConcurrency;
    private final int workerConcurrency;

    public ScaleOutScenario(int users, String shape, Duration latency, int sinkConcurrency, int workerConcurrency) {
        this.users = users;
        this.shape = shape;
        this.latency = latency;
        this.sinkConcurrency = sinkConcurrency;
        this.workerConcurrency = workerConcurrency;
    }

    public List<ScenarioResult> run() throws TimeoutException {
        BenchmarkDirectory directory = BenchmarkDirectory.of(shape, users);
        SyncMeasurement one = sync(directory, 1);
        SyncMeasurement two = sync(directory, 2);
        double ratio = two.usersPerSecond() / one.usersPerSecond();
        new Progress("scaleout " + users + " " + shape).say("1 sink %.1f users/s, 2 sinks %.1f users/s: x%.2f", one.usersPerSecond(), two.usersPerSecond(), ratio);
        Metrics metrics = new Metrics()
                .put("directory_users", users)
                .put("created_users", one.created())
                .put("one_sink_s", one.elapsedSeconds())
                .put("one_sink_users_per_s", one.usersPerSecond())
                .put("two_sinks_s", two.elapsedSeconds())
                .put("two_sinks_users_per_s", two.usersPerSecond())
                .put("ratio_two_vs_one", ratio)
                .put("one_sink_users_per_s_from_first_write", one.usersPerSecondFromFirstWrite())
                .put("two_sinks_users_per_s_from_first_write", two.usersPerSecondFromFirstWrite())
                .put("ratio_two_vs_one_from_first_write", two.usersPerSecondFromFirstWrite() / one.usersPerSecondFromFirstWrite())
                .put("requests_per_created_user", (double) one.totalRequests() / one.created())
                .sync("one sink: ", one)
                .sync("two sinks: ", two)
                .note("added latency", latency.toMillis() + " ms per request")
                .note("directory", shape)
                .note("worker concurrency", String.valueOf(workerConcurrency))
                .note("sink concurrency", sinkConcurrency + " per sink")
                .target("2 sinks >= 1.8 x one sink", ratio >= 1.8, Metrics.f(ratio));
        return List.of(new ScenarioResult("scaleout", "users=" + users + " " + shape, metrics.values, metrics.notes));
    }

    private SyncMeasurement sync(BenchmarkDirectory directory, int sinks) throws TimeoutException {
        PipelineSpec spec = new PipelineSpec(sinks, sinkConcurrency, workerConcurrency, false, Duration.ofSeconds(30), latency, directory.groupNames());
        return SyncRun.run(spec, directory, Duration.ofMinutes(30), new Progress("scaleout " + users + " " + shape + ", " + sinks + " sink(s)")).measurement();
    }
}
