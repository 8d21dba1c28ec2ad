package io.scimflow.benchmarks.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.scimflow.benchmarks.result.ScenarioResult;
import io.scimflow.benchmarks.run.BenchmarkDirectory;
import io.scimflow.benchmarks.run.PipelineSpec;
import io.scimflow.benchmarks.run.PipelineUnderTest;
import io.scimflow.benchmarks.run.Progress;
import io.scimflow.benchmarks.run.ScratchDirectory;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.producer.model.User;

/**
 * 2. Change latency in streaming mode: after the initial sync, one attribute of one user is
 * changed through the local directory's HTTP API, one change at a time; the latency is from
 * just before the API call to the target's journal entry of the resulting {@code PATCH /Users/{id}}.
 */
public final class ChangeLatencyScenario {

    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(60);

    private final int users;
    private final int changes;
    private final int sinkConcurrency;
    private final int workerConcurrency;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ChangeLatencyScenario(int users, int changes, int sinkConcurrency, int workerConcurrency) {
        this.users = users;
        this.changes = changes;
        this.sinkConcurrency = sinkConcurrency;
        this.workerConcurrency = workerConcurrency;
    }

    private record Subject(String sourceId, String targetId) {
    }

    public List<ScenarioResult> run() throws TimeoutException {
        Progress progress = new Progress("latency");
        BenchmarkDirectory directory = BenchmarkDirectory.realistic(users);
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            return run(progress, directory, scratch.resolve("directory.yaml"));
        }
    }

    private List<ScenarioResult> run(Progress progress, BenchmarkDirectory directory, Path file) throws TimeoutException {
        BenchmarkDirectory.moveIntoPlace(directory.writeAside(file), file);
        PipelineSpec spec = new PipelineSpec(1, sinkConcurrency, workerConcurrency, false, Duration.ofSeconds(30), Duration.ZERO, directory.groupNames());
        progress.say("starting the pipeline on %d users", users);
        try (PipelineUnderTest pipeline = PipelineUnderTest.start(spec, file, Duration.ofMinutes(3))) {
            pipeline.awaitSynced(users, Duration.ofSeconds(3), Duration.ofMinutes(10));
            List<Subject> subjects = subjects(directory, pipeline);
            progress.say("initial sync done (%d users at the target); %d changes, one at a time", subjects.size(), changes);
            double[] latencies = new double[changes];
            double[] apiMillis = new double[changes];
            for (int i = 0; i < changes; i++) {
                Subject subject = subjects.get(i % subjects.size());
                pipeline.target().clearJournal();
                Instant before = Instant.now();
                long apiStart = System.nanoTime();
                changeDepartment(pipeline.pipeline().directoryApiUrl(), subject.sourceId(), "Bench " + i);
                apiMillis[i] = (System.nanoTime() - apiStart) / 1e6;
                JournalEntry patch = awaitPatch(pipeline, subject.targetId(), before);
                latencies[i] = Duration.between(before, patch.timestamp()).toNanos() / 1e6;
                if ((i + 1) % 200 == 0) {
                    progress.say("%d changes, p50 so far %.0f ms", i + 1, percentile(Arrays.copyOf(latencies, i + 1), 50));
                }
            }
            double p50 = percentile(latencies, 50);
            double p95 = percentile(latencies, 95);
            double p99 = percentile(latencies, 99);
            progress.say("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms", p50, p95, p99);
            Metrics metrics = new Metrics()
                    .put("directory_users", users)
                    .put("changes", changes)
                    .put("p50_ms", p50)
                    .put("p95_ms", p95)
                    .put("p99_ms", p99)
                    .put("max_ms", Arrays.stream(latencies).max().orElse(0))
                    .put("mean_ms", Arrays.stream(latencies).average().orElse(0))
                    .put("api_call_p50_ms", percentile(apiMillis, 50))
                    .note("change", "PATCH /api/users/{id} {\"department\": …} → PATCH /Users/{id} at the target")
                    .target("p50 < 200 ms", p50 < 200, Metrics.f(p50) + " ms")
                    .target("p99 < 1 s", p99 < 1000, Metrics.f(p99) + " ms");
            return List.of(new ScenarioResult("latency", "users=" + users + " changes=" + changes, metrics.values, metrics.notes));
        }
    }

    /** In-scope, enabled users: the ones whose change must reach the target. */
    private static List<Subject> subjects(BenchmarkDirectory directory, PipelineUnderTest pipeline) {
        List<Subject> subjects = new ArrayList<>();
        for (User user : directory.directory().users().values()) {
            Object upn = user.attributes().get("userPrincipalName");
            if (upn == null) {
                continue;
            }
            Optional<UserSnapshot> target = pipeline.target().userByUserName(upn.toString());
            target.filter(UserSnapshot::active).ifPresent(t -> subjects.add(new Subject(user.id(), t.id())));
        }
        if (subjects.isEmpty()) {
            throw new IllegalStateException("No directory user reached the target");
        }
        subjects.sort((a, b) -> a.sourceId().compareTo(b.sourceId()));
        return subjects;
    }

    private void changeDepartment(String apiUrl, String userId, String department) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/users/" + userId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"department\":\"" + department + "\"}"))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("The directory API answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("The directory API failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JournalEntry awaitPatch(PipelineUnderTest pipeline, String targetId, Instant notBefore) throws TimeoutException {
        String path = "/Users/" + targetId;
        long deadline = System.nanoTime() + CHANGE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JournalEntry entry : pipeline.target().journal()) {
                if ("PATCH".equals(entry.method()) && entry.path().endsWith(path) && !entry.timestamp().isBefore(notBefore)) {
                    return entry;
                }
            }
            PipelineUnderTest.sleep(2);
        }
        throw new TimeoutException("No PATCH " + path + " reached the target within " + CHANGE_TIMEOUT);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
