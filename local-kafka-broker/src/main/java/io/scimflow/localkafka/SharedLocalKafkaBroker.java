package io.scimflow.localkafka;

/**
 * One {@link LocalKafkaBroker} per JVM, started on first use and stopped when the JVM
 * exits, so that test classes in one module share a broker instead of each paying the
 * start-up time. Tests keep apart by using their own topic names or consumer groups.
 */
public final class SharedLocalKafkaBroker {

    private static LocalKafkaBroker broker;

    private SharedLocalKafkaBroker() {
    }

    public static synchronized LocalKafkaBroker get() {
        if (broker == null) {
            LocalKafkaBroker started = LocalKafkaBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-kafka-broker-shutdown"));
            broker = started;
        }
        return broker;
    }

    public static String bootstrapServers() {
        return get().bootstrapServers();
    }
}
