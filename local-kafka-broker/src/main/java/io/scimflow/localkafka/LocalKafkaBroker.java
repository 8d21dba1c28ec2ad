package io.scimflow.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one
 * process), started inside the current JVM and bound to 127.0.0.1.
 *
 * <p>It is Kafka's own server code ({@link KafkaRaftServer}), not a fake: tests, the
 * benchmarks and the embedded default talk to it over the Kafka protocol like any other
 * cluster. With a {@link LocalKafkaBrokerSettings#dataDir() data directory} it keeps its
 * logs across restarts; without one it uses a temporary directory removed on close.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private volatile boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /** Starts a broker on free ports with a temporary data directory. */
    public static LocalKafkaBroker start() {
        return start(LocalKafkaBrokerSettings.defaults());
    }

    /**
     * Formats the data directory if it is new, starts the broker and waits until it answers
     * an admin request.
     */
    public static LocalKafkaBroker start(LocalKafkaBrokerSettings settings) {
        boolean temporary = settings.dataDir() == null;
        Path dataDir;
        try {
            dataDir = temporary ? Files.createTempDirectory("scimflow-kafka-") : Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory", e);
        }
        Path logDir = dataDir.resolve("kraft-logs");
        PortPair ports = PortPair.resolve(settings, dataDir);
        Properties props = brokerProperties(settings, logDir, ports);
        formatStorageIfNeeded(dataDir, logDir, props);

        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        LocalKafkaBroker broker = new LocalKafkaBroker(server, dataDir, temporary, ports.broker());
        broker.awaitReady(settings.startTimeout());
        log.info("Kafka broker (KRaft) ready at {} with data in {}", broker.bootstrapServers(), dataDir);
        return broker;
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka broker did not become ready within " + timeout, e);
        }
    }

    private static Properties brokerProperties(LocalKafkaBrokerSettings settings, Path logDir, PortPair ports) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + ports.controller());
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + ports.broker() + ",CONTROLLER://" + HOST + ":" + ports.controller());
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + ports.broker());
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(settings.defaultPartitions()));
        p.put("auto.create.topics.enable", String.valueOf(settings.autoCreateTopics()));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Compaction runs quickly enough to be observable in a local run.
        p.put("log.cleaner.backoff.ms", "1000");
        p.putAll(settings.overrides());
        return p;
    }

    private static void formatStorageIfNeeded(Path dataDir, Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(out, "Written by scimflow LocalKafkaBroker to format the storage");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool$.MODULE$.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"}, printer);
        }
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka storage in " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.toString());
        }
    }

    /** The client port and the controller port; kept in the data directory so a restart reuses them. */
    record PortPair(int broker, int controller) {

        static PortPair resolve(LocalKafkaBrokerSettings settings, Path dataDir) {
            Path file = dataDir.resolve("ports.properties");
            Properties stored = new Properties();
            if (settings.port() == 0 && Files.exists(file) && settings.dataDir() != null) {
                try (var in = Files.newBufferedReader(file)) {
                    stored.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
            int broker = settings.port() != 0 ? settings.port() : Integer.parseInt(stored.getProperty("broker", String.valueOf(freePort())));
            int controller = Integer.parseInt(stored.getProperty("controller", "0"));
            if (controller == 0 || controller == broker) {
                controller = portOtherThan(broker, PortPair::freePort);
            }
            Properties toStore = new Properties();
            toStore.put("broker", String.valueOf(broker));
            toStore.put("controller", String.valueOf(controller));
            try (var out = Files.newBufferedWriter(file)) {
                toStore.store(out, "ports of the local Kafka broker");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
            return new PortPair(broker, controller);
        }

        /**
         * A port from {@code free} that is not {@code taken}: each free port is only free when
         * asked, so two asks in a row can give the same one (and the broker refuses one port
         * for both listeners).
         */
        static int portOtherThan(int taken, IntSupplier free) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int port = free.getAsInt();
                if (port != taken) {
                    return port;
                }
            }
            throw new IllegalStateException("No free port on " + HOST + " other than " + taken);
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port on " + HOST, e);
            }
        }
    }
}
