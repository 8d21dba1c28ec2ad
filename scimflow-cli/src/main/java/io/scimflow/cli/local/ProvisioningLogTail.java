package io.scimflow.cli.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the provisioning log topic in the background, keeps every entry seen and hands
 * each new one to listeners: the embedded default's progress and live lines, and the
 * end-to-end tests' assertions. It reads without a consumer group.
 */
public final class ProvisioningLogTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningLogTail.class);

    private final KafkaConsumer<String, Object> consumer;
    private final List<ProvisioningLogEntry> entries = new CopyOnWriteArrayList<>();
    private final List<Consumer<ProvisioningLogEntry>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastEntryNanos = new AtomicLong(System.nanoTime());
    private final Thread thread;
    private final Map<TopicPartition, Long> endAtStart;
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    /**
     * @param fromBeginning read the whole log, or only what is written from now on
     */
    public ProvisioningLogTail(String bootstrapServers, Map<String, ?> serdeConfig, boolean fromBeginning) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(serdeConfig, false);
        // A fetch waits for 64 KiB or 100 ms: during a sync the sink writes an entry per operation,
        // and a fetch per entry would be a large share of the broker's work.
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false",
                "client.id", "provisioning-log-tail", "fetch.min.bytes", "65536", "fetch.max.wait.ms", "100"),
                new StringDeserializer(), values);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.PROVISIONING_LOG, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
        endAtStart = fromBeginning ? consumer.endOffsets(partitions, Duration.ofSeconds(30)) : Map.of();
        thread = new Thread(this::run, "provisioning-log-tail");
        thread.setDaemon(true);
        thread.start();
    }

    public void addListener(Consumer<ProvisioningLogEntry> listener) {
        listeners.add(listener);
    }

    /** Every entry seen so far, in the order read. */
    public List<ProvisioningLogEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Waits until every entry written before this tail started has been read (immediately for a
     * tail that starts at the end).
     */
    public void awaitCaughtUp(Duration timeout) {
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The provisioning log was not read to its end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the provisioning log", e);
        }
    }

    /** How long since the last entry arrived. */
    public Duration sinceLastEntry() {
        return Duration.ofNanos(System.nanoTime() - lastEntryNanos.get());
    }

    private void run() {
        try {
            while (running.get()) {
                if (caughtUp.getCount() > 0 && endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() instanceof ProvisioningLogEntry entry) {
                        entries.add(entry);
                        lastEntryNanos.set(System.nanoTime());
                        for (Consumer<ProvisioningLogEntry> listener : listeners) {
                            try {
                                listener.accept(entry);
                            } catch (RuntimeException e) {
                                log.warn("A provisioning log listener failed: {}", e.toString());
                            }
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running.get()) {
                log.error("Stopped following the provisioning log: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
