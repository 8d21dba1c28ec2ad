package io.scimflow.cli.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.scimflow.cli.logs.LogEntryFormat;
import io.scimflow.events.log.LogStatus;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on this machine (the embedded default): a Kafka broker, the local directory, "
                + "the worker with the Miro configuration, the sink and a local Miro-compatible SCIM server, all on 127.0.0.1.",
                "Shows the initial sync's progress and summary, then every change as it reaches \"Miro\"."})
public class LocalCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".scimflow",
            description = "Where the broker, the directory file and the logs live (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first and start clean.")
    boolean fresh;

    @Option(names = "--directory", paramLabel = "FILE",
            description = "The local directory YAML to provision from (default: <data-dir>/directory.yaml, created from the sample organisation).")
    Path directory;

    @Option(names = "--exit-after-initial-sync",
            description = "Stop after the initial sync and its summary; exit code 1 if anything failed.")
    boolean exitAfterInitialSync;

    @Option(names = "--miro-port", defaultValue = "8089", description = "Port of the local Miro-compatible SCIM server (default ${DEFAULT-VALUE}; 0 = any).")
    int miroPort;

    @Option(names = "--api-port", defaultValue = "8088", description = "Port of the local directory's HTTP API (default ${DEFAULT-VALUE}; 0 = any).")
    int apiPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Port of the schema registry for other tools (default ${DEFAULT-VALUE}; 0 = any).")
    int registryPort;

    @Option(names = "--preview-port", defaultValue = "8090", description = "Port of the worker's preview endpoint (default ${DEFAULT-VALUE}; 0 = any).")
    int previewPort;

    @Option(names = "--miro-rate-limits", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Apply Miro's documented rate limits in the local server, and the matching budget in the sink (default ${DEFAULT-VALUE}).")
    boolean rateLimits;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "How long the initial sync may take (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDir.toAbsolutePath().normalize();
        boolean existed = Files.exists(data.resolve("kafka"));
        if (fresh && Files.exists(data)) {
            deleteRecursively(data);
            existed = false;
        }
        Files.createDirectories(data.resolve("logs"));
        System.setProperty("LOG_FILE", data.resolve("logs").resolve("scimflow.log").toString());
        out.printf("scimflow: starting the embedded default (data in %s)%n", data);
        out.flush();
        LocalPipelineSettings settings = new LocalPipelineSettings(data, directory, 1, 1, false,
                MiroServerSettings.builder().port(miroPort).rateLimitsEnabled(rateLimits).journalBodies(false).build(),
                null, apiPort, registryPort, previewPort, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        Instant started = Instant.now();
        ProvisioningSummary summary = new ProvisioningSummary();
        CountDownLatch initialDone = new CountDownLatch(1);
        try (LocalPipeline pipeline = startPipeline(settings, existed, out)) {
            pipeline.provisioningLog().addListener(entry -> {
                if (!entry.getTimestamp().isBefore(started)) {
                    summary.add(entry);
                    if (initialDone.getCount() == 0) {
                        out.println("  " + LogEntryFormat.line(entry));
                        out.flush();
                    }
                }
            });
            printWhere(pipeline, out);
            Thread progress = progressPrinter(pipeline, summary, started, out);
            try {
                pipeline.awaitIdle(Duration.ofSeconds(2), timeout);
            } catch (TimeoutException e) {
                out.println("The initial sync did not finish within " + timeout + ": " + e.getMessage());
            } finally {
                progress.interrupt();
                progress.join();
            }
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            out.printf("%nInitial sync finished in %.1f s: %d provisioning log entries%n", seconds, summary.total());
            out.print(summary.describe());
            out.printf("\"Miro\" now has %d users (%d active) and %d teams with %d memberships.%n", pipeline.miro().users().size(),
                    pipeline.miro().users().stream().filter(u -> u.active()).count(), pipeline.miro().teams().size(),
                    pipeline.miro().teams().stream().mapToInt(t -> t.memberIds().size()).sum());
            out.flush();
            if (exitAfterInitialSync) {
                return summary.count(LogStatus.FAILURE) > 0 ? 1 : 0;
            }
            initialDone.countDown();
            out.printf("%nStreaming: edit %s or call %s/api/directory … ; each change is printed as it reaches \"Miro\". Ctrl-C to stop.%n",
                    pipeline.directoryFile(), pipeline.directoryApiUrl());
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        }
    }

    private static LocalPipeline startPipeline(LocalPipelineSettings settings, boolean restart, PrintWriter out) {
        if (restart) {
            out.println("Existing data found: the local \"Miro\" keeps its state in memory only, so this run replays the "
                    + "provisioning operations into a new, empty one.");
        }
        LocalPipeline pipeline = LocalPipeline.start(settings);
        return pipeline;
    }

    private static void printWhere(LocalPipeline pipeline, PrintWriter out) {
        out.printf("  Kafka broker           %s%n", pipeline.broker().bootstrapServers());
        out.printf("  schema registry        %s%n", pipeline.schemaRegistryUrl());
        out.printf("  local \"Miro\" SCIM API  %s (token in %s)%n", pipeline.miro().baseUrl(), pipeline.miroTokenFile());
        out.printf("  directory file         %s%n", pipeline.directoryFile());
        out.printf("  directory API          %s%n", pipeline.directoryApiUrl());
        out.printf("  logs                   %s%n", pipeline.dataDir().resolve("logs"));
        out.printf("  start clean            add --fresh, or delete %s%n", pipeline.dataDir());
        out.flush();
    }

    private static Thread progressPrinter(LocalPipeline pipeline, ProvisioningSummary summary, Instant started, PrintWriter out) {
        Thread thread = new Thread(() -> {
            try (Admin admin = Admin.create(pipeline.adminConfig())) {
                int lastTotal = 0;
                long lastNanos = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(2000);
                    long published = endOffsets(admin, List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS));
                    int total = summary.total();
                    long now = System.nanoTime();
                    double rate = (total - lastTotal) / ((now - lastNanos) / 1e9);
                    lastTotal = total;
                    lastNanos = now;
                    out.printf("[%5.1f s] directory records published %d | provisioned %d (%s) | %.0f/s | lag %d%n",
                            Duration.between(started, Instant.now()).toMillis() / 1000.0, published, total, summary.oneLine(),
                            rate, pipeline.lag());
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long endOffsets(Admin admin, List<String> topics) {
        try {
            return ConsumerLag.endOffsets(admin, topics).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
