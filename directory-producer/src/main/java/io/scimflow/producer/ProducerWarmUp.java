package io.scimflow.producer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.scimflow.producer.local.LocalDirectoryReader;
import io.scimflow.producer.local.LocalDirectoryWriter;
import io.scimflow.producer.local.SyntheticDirectory;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.publish.PublishWarmUp;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Before the first round: a made-up directory of {@code scimflow.producer.warm-up-users} users
 * goes through what a round does, without publishing: for the local source, written to a
 * temporary file and read back; then projected, compared, stamped and serialized
 * ({@link PublishWarmUp}). The first real round then runs compiled code instead of the
 * interpreter's. Serializing registers the producer's own schemas with the registry, as its
 * first publish would. A failure is logged and never stops the start.
 */
final class ProducerWarmUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    private final int users;
    private final boolean localSource;
    private final Map<String, Object> producerConfig;
    private final TopicNames topics;
    private volatile boolean running;

    ProducerWarmUp(int users, boolean localSource, Map<String, Object> producerConfig, TopicNames topics) {
        this.users = users;
        this.localSource = localSource;
        this.producerConfig = producerConfig;
        this.topics = topics;
    }

    @Override
    public void start() {
        running = true;
        if (users == 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            Directory directory = SyntheticDirectory.generate(users, Math.max(12, users / 100), SyntheticDirectory.SAMPLE_SEED);
            if (localSource) {
                directory = throughAFile(directory);
            }
            KafkaAvroSerializer serializer = new KafkaAvroSerializer();
            serializer.configure(producerConfig, false);
            PublishWarmUp.Result result = PublishWarmUp.run(directory, "warm-up",
                    (topic, value) -> serializer.serialize(topics.of(topic), value));
            log.info("Warmed up on a made-up directory of {} users: {} records compared and {} encoded, none published, in {} ms "
                    + "(scimflow.producer.warm-up-users={})", users, result.records(), result.encoded(),
                    (System.nanoTime() - started) / 1_000_000, users);
        } catch (RuntimeException e) {
            log.warn("The start-up warm-up failed ({}); the first round will run slower", e.toString());
        }
    }

    private static Directory throughAFile(Directory directory) {
        Path file = null;
        try {
            file = Files.createTempFile("scimflow-producer-warm-up-", ".yaml");
            LocalDirectoryWriter.write(file, directory);
            return LocalDirectoryReader.read(file);
        } catch (IOException e) {
            log.debug("No temporary file for the warm-up ({}); the file reading is not warmed", e.toString());
            return directory;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.debug("Could not delete {}: {}", file, e.toString());
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before {@link DirectoryProducer} starts the first round. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}
