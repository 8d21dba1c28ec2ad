package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.scimflow.cli.local.ConsumerLag;
import io.scimflow.cli.local.LocalPipeline;
import io.scimflow.cli.local.LocalPipelineSettings;
import io.scimflow.cli.local.RunningApp;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * {@link LocalPipeline} with its apps in child JVMs (so that each app's CPU time and memory
 * can be read), plus what a benchmark needs around it: knowing when every app is ready,
 * when the producer has published, and when the target saw its last write.
 */
public final class PipelineUnderTest implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final LocalPipeline pipeline;
    private final PipelineSpec spec;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final double startupSeconds;
    private final Thread closeOnExit;

    private PipelineUnderTest(LocalPipeline pipeline, PipelineSpec spec, double startupSeconds, Thread closeOnExit) {
        this.pipeline = pipeline;
        this.spec = spec;
        this.startupSeconds = startupSeconds;
        this.closeOnExit = closeOnExit;
    }

    /** Starts the pipeline on {@code directoryFile} and waits until every app is consuming and the sink has listed the target. */
    public static PipelineUnderTest start(PipelineSpec spec, Path directoryFile, Duration timeout) throws TimeoutException {
        long started = System.nanoTime();
        LocalPipelineSettings settings = LocalPipelineSettings.forTests()
                .withChildProcesses(true)
                .withDirectoryFile(directoryFile)
                .withMiro(spec.miroSettings())
                .withTeams(spec.teams())
                .withInstances(1, spec.sinks())
                .withPorts(freePort(), 0, 0)
                // the file is checked every 50 ms instead of 250 ms: a change is seen within ~0.1 s
                .withProducerProperty("scimflow.producer.local.poll-interval", "50ms")
                // list the target when the sink starts (as a real initial sync does), not only when a backlog is waiting
                .withSinkProperty("scimflow.sink.prefetch.users", "on-start")
                .withSinkProperty("scimflow.sink.concurrency", String.valueOf(spec.sinkConcurrency()))
                .withWorkerProperty("scimflow.worker.concurrency", String.valueOf(spec.workerConcurrency()))
                .withSinkProperty("scimflow.sink.rate-limit.window", spec.rateWindow().toMillis() + "ms");
        LocalPipeline pipeline = LocalPipeline.start(settings);
        // Ctrl-C (or a kill) of the benchmark must not leave the apps' JVMs running.
        Thread closeOnExit = new Thread(pipeline::close, "close-pipeline-on-exit");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        PipelineUnderTest running = new PipelineUnderTest(pipeline, spec, 0, closeOnExit);
        try {
            running.awaitReady(timeout);
        } catch (TimeoutException | RuntimeException e) {
            running.close();
            throw e;
        }
        return new PipelineUnderTest(pipeline, spec, (System.nanoTime() - started) / 1e9, closeOnExit);
    }

    public LocalPipeline pipeline() {
        return pipeline;
    }

    public LocalMiroScimServer target() {
        return pipeline.miro();
    }

    /** From {@code LocalPipeline.start} until every app was ready. */
    public double startupSeconds() {
        return startupSeconds;
    }

    private void awaitReady(Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> counts = target().requestCounts();
            boolean sinksListed = counts.getOrDefault("GET /Users", 0L) >= spec.sinks()
                    && counts.getOrDefault("GET /Groups", 0L) >= 1;
            if (sinksListed && producerUp()
                    && assignedMembers(LocalPipeline.WORKER_GROUP) >= 1
                    && assignedMembers(LocalPipeline.SINK_GROUP) >= spec.sinks()) {
                return;
            }
            sleep(200);
        }
        throw new TimeoutException("The pipeline's apps were not ready within " + timeout + "; see the logs under " + pipeline.dataDir().resolve("logs"));
    }

    private boolean producerUp() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(pipeline.directoryApiUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private int assignedMembers(String group) {
        try (Admin admin = Admin.create(pipeline.adminConfig())) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            return (int) description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Records on {@code directory.users} (every partition's end offset, summed). */
    public long publishedUserRecords() {
        try (Admin admin = Admin.create(pipeline.adminConfig())) {
            return publishedUserRecords(admin);
        }
    }

    private static long publishedUserRecords(Admin admin) {
        return endOffsetSum(admin, Topics.DIRECTORY_USERS);
    }

    private static long endOffsetSum(Admin admin, String topic) {
        try {
            return ConsumerLag.endOffsets(admin, List.of(topic)).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code directory.users} holds at least {@code records} records, then until the pipeline is idle. */
    public void awaitSynced(long records, Duration quiet, Duration timeout) throws TimeoutException {
        awaitSynced(records, quiet, timeout, new StageTimes());
    }

    /**
     * As {@link #awaitSynced(long, Duration, Duration)}, noting when the producer had published
     * everything and when the worker had caught up (polled about every 100 ms, with one admin
     * client for the whole wait: a client per poll would add its own connections and metadata
     * requests to the broker's load during the measured sync).
     */
    public void awaitSynced(long records, Duration quiet, Duration timeout, StageTimes stages) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(pipeline.adminConfig())) {
            while (stages.workerCaughtUp() == null) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("The producer did not publish " + records + " user records, or the worker did not process them, within " + timeout);
                }
                if (stages.published() == null && publishedUserRecords(admin) >= records) {
                    stages.published(Instant.now());
                }
                if (stages.published() != null && ConsumerLag.of(admin, LocalPipeline.WORKER_GROUP,
                        List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS)) == 0) {
                    stages.workerCaughtUp(Instant.now());
                }
                sleep(100);
            }
        }
        pipeline.awaitIdle(quiet, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /** When the target received its first write request, per its journal. */
    public Instant firstWrite() {
        return target().journal().stream().filter(e -> WRITES.contains(e.method())).map(JournalEntry::timestamp)
                .min(Instant::compareTo).orElseThrow(() -> new IllegalStateException("The target received no write request"));
    }

    /** When the target received its last write request (POST, PUT, PATCH, DELETE), per its journal. */
    public Instant lastWrite() {
        List<JournalEntry> journal = target().journal();
        Instant last = null;
        for (JournalEntry entry : journal) {
            if (WRITES.contains(entry.method()) && (last == null || entry.timestamp().isAfter(last))) {
                last = entry.timestamp();
            }
        }
        if (last == null) {
            throw new IllegalStateException("The target received no write request");
        }
        return last;
    }

    /** CPU seconds used so far by each app, and by this JVM (broker, schema registry, target, benchmark). */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (RunningApp app : apps()) {
            cpu.put(app.name(), app.cpuSeconds());
        }
        cpu.put("harness", harnessCpuSeconds());
        return cpu;
    }

    /** Usage between two {@link #cpuSeconds()} readings, with each app's peak memory. */
    public List<AppUsage> usageSince(Map<String, Double> before) {
        Map<String, Double> now = cpuSeconds();
        List<AppUsage> usage = new ArrayList<>();
        for (RunningApp app : apps()) {
            usage.add(new AppUsage(app.name(), now.get(app.name()) - before.getOrDefault(app.name(), 0.0), app.peakMemoryMiB()));
        }
        usage.add(new AppUsage("harness", now.get("harness") - before.get("harness"), harnessPeakMemoryMiB()));
        return usage;
    }

    private List<RunningApp> apps() {
        List<RunningApp> apps = new ArrayList<>(pipeline.producers());
        apps.addAll(pipeline.workers());
        apps.addAll(pipeline.sinks());
        return apps;
    }

    private static double harnessCpuSeconds() {
        long nanos = ProcessCpu.nanos();
        return nanos < 0 ? -1 : nanos / 1e9;
    }

    private static double harnessPeakMemoryMiB() {
        return io.scimflow.cli.local.ProcStats.peakMemoryMiB(ProcessHandle.current().pid());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** Sleeps; an interrupt becomes an {@link IllegalStateException} (the benchmark stops). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it closes the pipeline
            return;
        }
        pipeline.close();
    }
}
