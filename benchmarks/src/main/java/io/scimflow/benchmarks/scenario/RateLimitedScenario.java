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
 * 3. Initial sync with Miro's documented limits on in the server and the sink's matching
 * budget: elapsed time against the floor the limits allow (200 creates per window), 429s,
 * requests per created user.
 */
public final class RateLimitedScenario {

    private static final int CREATES_PER_WINDOW = 200;

    private final int users;
    private final String shape;
    private final Duration window;
    private final int sinkConcurrency;
    private final int workerConcurrency;

    public RateLimitedScenario(int users, String shape, Duration window, int sinkConcurrency, int workerConcurrency) {
        this.users = users;
        this.shape = shape;
        this.window = window;
        this.sinkConcurrency = sinkConcurrency;
        this.workerConcurrency = workerConcurrency;
    }

    public List<ScenarioResult> run() throws TimeoutException {
        Progress progress = new Progress("ratelimited " + users + " " + shape);
        BenchmarkDirectory directory = BenchmarkDirectory.of(shape, users);
        PipelineSpec spec = new PipelineSpec(1, sinkConcurrency, workerConcurrency, true, window, Duration.ZERO, directory.groupNames());
        SyncMeasurement m = SyncRun.run(spec, directory, Duration.ofMinutes(60), progress).measurement();
        double floor = (double) m.created() / CREATES_PER_WINDOW * window.toMillis() / 1000.0;
        double ratio = m.elapsedSeconds() / floor;
        double postsPerUser = (double) m.requests("POST /Users") / m.created();
        long lookups = m.requests("GET /Users");
        progress.say("%.1f s for %d users, floor %.1f s (x%.2f), %d x 429, %.2f POST per user, %d GET /Users",
                m.elapsedSeconds(), m.created(), floor, ratio, m.rateLimited(), postsPerUser, lookups);
        Metrics metrics = new Metrics()
                .put("directory_users", users)
                .put("created_users", m.created())
                .put("elapsed_s", m.elapsedSeconds())
                .put("floor_s", floor)
                .put("elapsed_vs_floor", ratio)
                .put("http_429", m.rateLimited())
                .put("requests_per_created_user", (double) m.totalRequests() / m.created())
                .put("post_users_per_created_user", postsPerUser)
                .put("user_lookups", lookups)
                .sync("", m)
                .note("rate window", window.toMillis() / 1000.0 + " s (Miro: 30 s)")
                .note("directory", shape)
                .note("worker concurrency", String.valueOf(workerConcurrency))
                .note("sink concurrency", String.valueOf(sinkConcurrency))
                .target("elapsed <= 1.1 x floor", ratio <= 1.1, Metrics.f(ratio))
                .target("zero 429s", m.rateLimited() == 0, String.valueOf(m.rateLimited()))
                .target("one write per created user, no lookups", postsPerUser <= 1.0 && lookups == 0,
                        Metrics.f(postsPerUser) + " POST/user, " + lookups + " GET /Users");
        return List.of(new ScenarioResult("ratelimited", "users=" + users + " " + shape, metrics.values, metrics.notes));
    }
}
