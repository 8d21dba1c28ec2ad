package io.scimflow.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to start a {@link LocalKafkaBroker}.
 *
 * @param dataDir where the broker keeps its logs; {@code null} for a temporary directory removed on close
 * @param port the client port on 127.0.0.1; 0 picks a free one (and reuses it on restart when a data directory is given)
 * @param defaultPartitions partitions of topics created without an explicit count
 * @param autoCreateTopics whether the broker creates topics on first use (the apps create theirs explicitly)
 * @param startTimeout how long to wait for the broker to answer
 * @param overrides any further broker properties
 */
public record LocalKafkaBrokerSettings(
        Path dataDir, int port, int defaultPartitions, boolean autoCreateTopics, Duration startTimeout, Map<String, String> overrides) {

    public LocalKafkaBrokerSettings {
        overrides = Map.copyOf(overrides);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    public static LocalKafkaBrokerSettings defaults() {
        return new LocalKafkaBrokerSettings(null, 0, 6, false, Duration.ofSeconds(60), Map.of());
    }

    public LocalKafkaBrokerSettings withDataDir(Path dir) {
        return new LocalKafkaBrokerSettings(dir, port, defaultPartitions, autoCreateTopics, startTimeout, overrides);
    }

    public LocalKafkaBrokerSettings withPort(int newPort) {
        return new LocalKafkaBrokerSettings(dataDir, newPort, defaultPartitions, autoCreateTopics, startTimeout, overrides);
    }

    public LocalKafkaBrokerSettings withAutoCreateTopics(boolean enabled) {
        return new LocalKafkaBrokerSettings(dataDir, port, defaultPartitions, enabled, startTimeout, overrides);
    }

    public LocalKafkaBrokerSettings withOverrides(Map<String, String> more) {
        return new LocalKafkaBrokerSettings(dataDir, port, defaultPartitions, autoCreateTopics, startTimeout, more);
    }
}
