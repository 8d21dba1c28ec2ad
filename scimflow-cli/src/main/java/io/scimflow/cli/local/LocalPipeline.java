package io.scimflow.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.scimflow.localkafka.LocalKafkaBroker;
import io.scimflow.localkafka.LocalKafkaBrokerSettings;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.producer.DirectoryProducer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The whole pipeline on this machine: a real Kafka broker, a schema registry, the local
 * Miro-compatible SCIM server, the directory producer on a local directory file, the
 * provisioning worker(s) and the SCIM sink(s). The embedded default, the end-to-end tests
 * and the benchmarks all start it this way.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);

    public static final String WORKER_GROUP = "provisioning-worker";
    public static final String SINK_GROUP = "scim-sink";

    private final LocalPipelineSettings settings;
    private final Path dataDir;
    private final boolean temporaryData;
    private final LocalKafkaBroker broker;
    private final LocalSchemaRegistryServer registry;
    private final String registryUrlForApps;
    private final LocalMiroScimServer miro;
    private final Path directoryFile;
    private final Path tokenFile;
    private final List<RunningApp> producers = new ArrayList<>();
    private final List<RunningApp> workers = new ArrayList<>();
    private final List<RunningApp> sinks = new ArrayList<>();
    private ProvisioningLogTail logTail; // started on first use: following the log costs the broker and this JVM work per entry
    private int producerApiPort;
    private int sinkCounter;
    private int workerCounter;

    private LocalPipeline(LocalPipelineSettings settings) {
        this.settings = settings;
        // The JDK's HTTP server answers 40 ms late without this; it is read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            this.temporaryData = settings.dataDir() == null;
            this.dataDir = temporaryData ? Files.createTempDirectory("scimflow-local-") : Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory", e);
        }
        this.broker = LocalKafkaBroker.start(LocalKafkaBrokerSettings.defaults().withDataDir(dataDir.resolve("kafka")));
        String scope = "scimflow-local-" + UUID.randomUUID();
        this.registry = LocalSchemaRegistryServer.start(scope, settings.registryPort());
        this.registryUrlForApps = settings.childProcesses() ? registry.url() : "mock://" + scope;
        this.miro = LocalMiroScimServer.start(settings.miro());
        this.directoryFile = settings.directoryFile() != null ? settings.directoryFile() : dataDir.resolve("directory.yaml");
        this.tokenFile = dataDir.resolve("miro-token");
        write(tokenFile, settings.miro().token());
        TopicInitializer.ensureTopics(adminConfig(), Topics.all(), Duration.ofSeconds(60));
        // The local "Miro" starts empty every time: links and offsets of an earlier run point at a target that is gone.
        int forgotten = SinkStateReset.forgetTarget(broker.bootstrapServers(), SINK_GROUP);
        if (forgotten > 0) {
            log.info("Forgot {} links of an earlier run: the sink replays its operations into the new local target", forgotten);
        }
    }

    /** Starts the broker, registry and target, then the apps, and returns once every app has started. */
    public static LocalPipeline start(LocalPipelineSettings settings) {
        LocalPipeline pipeline = new LocalPipeline(settings);
        try {
            pipeline.prepareDirectoryFile();
            pipeline.seedTeams();
            pipeline.startProducer();
            for (int i = 0; i < settings.workers(); i++) {
                pipeline.startWorker();
            }
            for (int i = 0; i < settings.sinks(); i++) {
                pipeline.startSink();
            }
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- the apps

    public RunningApp startProducer() {
        Map<String, String> props = commonProperties("directory-producer");
        props.put("scimflow.producer.source", "local");
        props.put("scimflow.producer.data-dir", dataDir.resolve("directory-producer").toString());
        props.put("scimflow.producer.local.file", directoryFile.toString());
        props.put("server.address", "127.0.0.1");
        props.put("server.port", String.valueOf(settings.producerApiPort()));
        props.putAll(settings.producerProperties());
        RunningApp app = start(PipelineApp.DIRECTORY_PRODUCER, "directory-producer", props);
        producers.add(app);
        producerApiPort = app instanceof InProcessApp inProcess
                ? Integer.parseInt(inProcess.context().getEnvironment().getProperty("local.server.port", "0"))
                : settings.producerApiPort();
        return app;
    }

    public RunningApp startWorker() {
        int index = ++workerCounter;
        Map<String, String> props = commonProperties("provisioning-worker");
        props.put("server.address", "127.0.0.1");
        props.put("server.port", index == 1 ? String.valueOf(settings.workerPreviewPort()) : "0");
        props.put("scimflow.worker.schema-registry-url", registryUrlForApps);
        props.putAll(settings.workerProperties());
        RunningApp app = start(PipelineApp.PROVISIONING_WORKER, "provisioning-worker-" + index, props);
        workers.add(app);
        return app;
    }

    public RunningApp startSink() {
        int index = ++sinkCounter;
        Map<String, String> props = commonProperties("scim-sink");
        props.put("server.address", "127.0.0.1");
        props.put("server.port", "0");
        props.put("scimflow.sink.target.base-url", miro.baseUrl());
        props.put("scimflow.sink.target.token-file", tokenFile.toString());
        props.put("scimflow.sink.target.allow-insecure-http", "true");
        props.put("scimflow.sink.target.profile", "miro");
        props.put("scimflow.sink.rate-limit.enabled", String.valueOf(settings.miro().rateLimitsEnabled()));
        props.putAll(settings.sinkProperties());
        RunningApp app = start(PipelineApp.SCIM_SINK, "scim-sink-" + index, props);
        sinks.add(app);
        return app;
    }

    private Map<String, String> commonProperties(String appName) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        props.put("spring.kafka.properties.schema.registry.url", registryUrlForApps);
        props.put("spring.kafka.producer.properties.schema.registry.url", registryUrlForApps);
        props.put("spring.kafka.consumer.properties.schema.registry.url", registryUrlForApps);
        props.put("spring.main.banner-mode", "off");
        props.put("spring.jmx.enabled", "false");
        if (settings.childProcesses()) {
            props.put("logging.file.name", dataDir.resolve("logs").resolve(appName + ".log").toString());
            props.put("logging.threshold.console", "ERROR");
        }
        props.put("logging.level.org.apache.kafka", "WARN");
        return props;
    }

    private RunningApp start(PipelineApp app, String name, Map<String, String> props) {
        if (settings.childProcesses()) {
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + childHeap(), "-XX:+UseSerialGC", "-Dsun.net.httpserver.nodelay=true"));
            jvmOptions.addAll(childJvmOptions());
            return ChildProcessApp.start(app, name, props, dataDir.resolve("logs").resolve(name + ".out"), jvmOptions);
        }
        return InProcessApp.start(app, name, props);
    }

    /**
     * Maximum heap of each app's JVM in child-process mode: system property
     * {@value #CHILD_HEAP_PROPERTY} (a JVM size such as {@code 1g} or {@code 3072m}), default
     * {@code 1g}. A local directory of 100,000 users needs more than 1 GiB in the producer.
     */
    static String childHeap() {
        String heap = System.getProperty(CHILD_HEAP_PROPERTY, "1g").trim();
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("Invalid value '" + heap + "' for the system property " + CHILD_HEAP_PROPERTY
                    + ": expected a JVM heap size such as 1g or 3072m");
        }
        return heap;
    }

    /** See {@link #childHeap()}. */
    public static final String CHILD_HEAP_PROPERTY = "scimflow.local.child-heap";

    /**
     * More options for each app's JVM in child-process mode: system property
     * {@value #CHILD_JVM_OPTIONS_PROPERTY}, options separated by spaces, each starting with
     * {@code -}; an empty value means none. Unset, it is {@value #DEFAULT_CHILD_JVM_OPTIONS}, as in
     * the apps' container image: on a machine of two cores the C2 compiler's work (and the
     * profiling code it needs) cost more CPU than its faster code saves, even over a
     * 100,000-user sync (see the benchmarks module's README).
     */
    public static List<String> childJvmOptions() {
        String value = System.getProperty(CHILD_JVM_OPTIONS_PROPERTY, DEFAULT_CHILD_JVM_OPTIONS).trim();
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> options = List.of(value.split("\\s+"));
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("Invalid value '" + value + "' for the system property " + CHILD_JVM_OPTIONS_PROPERTY
                        + ": '" + option + "' is not a JVM option (options start with '-', separated by spaces)");
            }
        }
        return options;
    }

    /** C1 compiler only: see {@link #childJvmOptions()}. */
    public static final String DEFAULT_CHILD_JVM_OPTIONS = "-XX:TieredStopAtLevel=1";

    /** See {@link #childJvmOptions()}. */
    public static final String CHILD_JVM_OPTIONS_PROPERTY = "scimflow.local.child-jvm-options";

    // ---------------------------------------------------------------- waiting

    /**
     * Waits until the directory has been published, the worker and the sink have committed
     * everything on their input topics, and the provisioning log has been quiet for {@code quietFor}.
     */
    public void awaitIdle(Duration quietFor, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitInitialSync(timeout);
        long logEnd = -1;
        long logEndSince = System.nanoTime();
        try (Admin admin = Admin.create(adminConfig())) {
            while (System.nanoTime() < deadline) {
                long workerLag = ConsumerLag.of(admin, WORKER_GROUP,
                        List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS));
                long sinkLag = ConsumerLag.of(admin, SINK_GROUP, List.of(Topics.PROVISIONING_OPERATIONS));
                long end = ConsumerLag.endOffsetSum(admin, List.of(Topics.PROVISIONING_LOG));
                if (end != logEnd) {
                    logEnd = end;
                    logEndSince = System.nanoTime();
                }
                boolean logQuiet = System.nanoTime() - logEndSince >= quietFor.toNanos();
                if (workerLag == 0 && sinkLag == 0 && logQuiet) {
                    return;
                }
                sleep(100);
            }
        }
        throw new TimeoutException("The pipeline did not become idle within " + timeout);
    }

    /** Waits for the producer's initial publish of the directory (in-process producers only; child processes are waited for through lag). */
    public void awaitInitialSync(Duration timeout) {
        for (RunningApp app : producers) {
            if (app instanceof InProcessApp inProcess) {
                inProcess.context().getBean(DirectoryProducer.class).awaitInitialSync(timeout);
            }
        }
    }

    /** The committed lag of the worker and sink groups together. */
    public long lag() {
        try (Admin admin = Admin.create(adminConfig())) {
            return ConsumerLag.of(admin, WORKER_GROUP, List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS))
                    + ConsumerLag.of(admin, SINK_GROUP, List.of(Topics.PROVISIONING_OPERATIONS));
        }
    }

    // ---------------------------------------------------------------- the parts, for callers

    public LocalKafkaBroker broker() {
        return broker;
    }

    public LocalMiroScimServer miro() {
        return miro;
    }

    /**
     * Follows the provisioning log from its beginning, started on the first call, which returns
     * once every entry written before it has been read (the benchmarks never call it: on a small
     * machine reading every entry is a measurable share of a sync).
     */
    public synchronized ProvisioningLogTail provisioningLog() {
        if (logTail == null) {
            logTail = new ProvisioningLogTail(broker.bootstrapServers(), serdeConfig(), true);
            logTail.awaitCaughtUp(Duration.ofSeconds(60));
        }
        return logTail;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path directoryFile() {
        return directoryFile;
    }

    public Path miroTokenFile() {
        return tokenFile;
    }

    /** The schema registry URL other processes (the command line, Kafka tools) can use. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Base URL of the local directory's HTTP API. */
    public String directoryApiUrl() {
        return "http://127.0.0.1:" + producerApiPort;
    }

    public List<RunningApp> producers() {
        return List.copyOf(producers);
    }

    public List<RunningApp> workers() {
        return List.copyOf(workers);
    }

    public List<RunningApp> sinks() {
        return List.copyOf(sinks);
    }

    /** Serde settings for a process that is not this JVM (REST registry). */
    public Map<String, Object> remoteSerdeConfig() {
        return Map.of("schema.registry.url", registry.url(), "specific.avro.reader", "true");
    }

    /** Stops one app instance: gracefully, or at once as in a crash (a real kill for child processes). */
    public void stop(RunningApp app, boolean crash) {
        if (crash) {
            app.kill();
        } else {
            app.close();
        }
        producers.remove(app);
        workers.remove(app);
        sinks.remove(app);
    }

    public Map<String, Object> adminConfig() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    /** Serde settings for readers and writers in this JVM (the registry's own scope). */
    public Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", registryUrlForApps, "specific.avro.reader", "true");
    }

    // ---------------------------------------------------------------- set-up

    private void prepareDirectoryFile() {
        if (Files.exists(directoryFile)) {
            return;
        }
        try (InputStream sample = LocalPipeline.class.getResourceAsStream("/sample-directory.yaml")) {
            if (sample == null) {
                throw new IllegalStateException("The sample directory is not on the classpath");
            }
            Files.createDirectories(directoryFile.toAbsolutePath().getParent());
            Files.copy(sample, directoryFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directoryFile, e);
        }
    }

    private void seedTeams() {
        List<String> teams = settings.teams() != null ? settings.teams() : groupNamesIn(directoryFile);
        for (String team : teams) {
            if (miro.teamByName(team).isEmpty()) {
                miro.seedTeam(team);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> groupNamesIn(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(512 * 1024 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(options).load(in);
            List<String> names = new ArrayList<>();
            if (root instanceof Map<?, ?> map && map.get("groups") instanceof List<?> groups) {
                for (Object group : groups) {
                    if (group instanceof Map<?, ?> g && g.get("displayName") != null) {
                        names.add(String.valueOf(g.get("displayName")));
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        List<RunningApp> all = new ArrayList<>();
        all.addAll(producers);
        all.addAll(workers);
        all.addAll(sinks);
        for (RunningApp app : all) {
            try {
                app.close();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed: {}", app.name(), e.toString());
            }
        }
        synchronized (this) {
            if (logTail != null) {
                logTail.close();
            }
        }
        miro.close();
        registry.close();
        broker.close();
        if (temporaryData) {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
