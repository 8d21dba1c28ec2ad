package io.scimflow.sink.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import io.scimflow.sink.links.KafkaLinkStore;
import io.scimflow.sink.quarantine.ConsumptionGate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations consumer: one thread owns the {@link Consumer}; records go to a
 * {@link KeyedExecutor}, so one object's operations run in order while many objects are in
 * flight, beyond one per partition. An offset is committed only when every record before it in
 * its partition is done or parked. The consumer pauses its partitions while the gate is closed
 * (paused or quarantined) and while too many records are in flight, and keeps polling so it
 * stays in the group. On assignment it waits until the links are loaded. Thread-safe API.
 */
public final class OperationConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperationConsumer.class);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final OperationProcessor processor;
    private final KafkaLinkStore links;
    private final Runnable flushWrites;
    private final java.util.function.Consumer<Status> onStatus;
    private final ConsumptionGate gate;
    private final int maxInFlight;
    private final Duration shutdownTimeout;
    private final LongConsumer onFirstAssignment;
    private final KeyedExecutor executor;
    private final OffsetTracker offsets = new OffsetTracker();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Status status = new Status(Set.of(), 0, -1, false, false);
    private boolean firstAssignment = true;

    /**
     * A snapshot of the consumer's state.
     *
     * @param assigned partitions owned by this instance
     * @param inFlight records taken and not yet done
     * @param lag records in the assigned partitions not yet taken (-1 while unknown)
     * @param paused true while the consumer's partitions are paused
     * @param allCommitted every taken record is done and its offset committed
     */
    public record Status(Set<TopicPartition> assigned, int inFlight, long lag, boolean paused, boolean allCommitted) {

        /** Operations taken and not yet done plus those waiting on the topic; -1 while unknown. */
        public long waiting() {
            return lag < 0 ? -1 : lag + inFlight;
        }

        /** True when this instance has nothing left to do: input drained, everything done and committed. */
        public boolean drained() {
            return !assigned.isEmpty() && inFlight == 0 && lag == 0 && allCommitted;
        }
    }

    /**
     * @param flushWrites makes every Kafka write of the operations done so far durable (links,
     *        marks, provisioning log); runs before every offset commit and throws when a write failed
     * @param onFirstAssignment called on the consumer thread before the first records are
     *        processed, with the backlog (records waiting) of the assigned partitions
     * @param onStatus called on the consumer thread with every refreshed {@link Status} (a few
     *        times a second), e.g. for the progress summary
     */
    public OperationConsumer(Consumer<String, byte[]> consumer, String topic, OperationProcessor processor, KafkaLinkStore links,
            Runnable flushWrites, ConsumptionGate gate, int concurrency, int maxInFlight, Duration shutdownTimeout, LongConsumer onFirstAssignment,
            java.util.function.Consumer<Status> onStatus) {
        this.onStatus = onStatus;
        this.consumer = consumer;
        this.topic = topic;
        this.processor = processor;
        this.links = links;
        this.flushWrites = flushWrites;
        this.gate = gate;
        this.maxInFlight = maxInFlight;
        this.shutdownTimeout = shutdownTimeout;
        this.onFirstAssignment = onFirstAssignment;
        this.executor = new KeyedExecutor(concurrency);
        this.thread = new Thread(this::loop, "scim-sink-consumer");
    }

    public void start() {
        thread.start();
    }

    /**
     * Runs a task after the operations of this key dispatched before it and before those
     * dispatched after it (a second pass for a reference), outside the offsets' tracking.
     */
    public void submitInOrder(String key, Runnable task) {
        executor.submit(key, task);
    }

    public Status status() {
        return status;
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            long lastStatus = 0;
            while (running) {
                applyPause();
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        dispatch(record);
                    }
                } catch (WakeupException e) {
                    continue;
                }
                commit(null);
                if (System.nanoTime() - lastStatus > 250_000_000L) {
                    refreshStatus();
                    lastStatus = System.nanoTime();
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                log.error("The operations consumer stopped: {}", e.toString(), e);
            }
        } finally {
            shutdown();
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.started(partition, record.offset());
        inFlight.incrementAndGet();
        String key = record.key() != null ? record.key() : "partition-" + record.partition();
        executor.submit(key, () -> {
            boolean done = false;
            try {
                done = processor.process(record);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (done) {
                    offsets.done(partition, record.offset());
                }
                inFlight.decrementAndGet();
            }
        });
    }

    private void applyPause() {
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return;
        }
        boolean shouldPause = !gate.isOpen() || inFlight.get() >= maxInFlight;
        if (shouldPause) {
            consumer.pause(assignment);
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void commit(Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.toCommit(only);
        if (toCommit.isEmpty()) {
            return;
        }
        try {
            flushWrites.run(); // the links, marks and log entries of the operations being committed are durable first
        } catch (RuntimeException e) {
            log.warn("Offsets not committed this round: {}", e.getMessage());
            return;
        }
        consumer.commitSync(toCommit);
        offsets.committed(toCommit);
    }

    private void refreshStatus() {
        Set<TopicPartition> assigned = Set.copyOf(consumer.assignment());
        long lag = 0;
        if (!assigned.isEmpty()) {
            // Asked of the broker (not the last fetch's metadata), so a record that arrived while paused counts.
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(5));
            for (TopicPartition partition : assigned) {
                lag += Math.max(0, end.getOrDefault(partition, 0L) - consumer.position(partition, Duration.ofSeconds(5)));
            }
        }
        status = new Status(assigned, inFlight.get(), lag, !consumer.paused().isEmpty(), offsets.allCommitted());
        try {
            onStatus.accept(status);
        } catch (RuntimeException e) {
            log.warn("Status listener failed: {}", e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            long deadline = System.nanoTime() + shutdownTimeout.toNanos();
            while (offsets.pending(partitions) > 0 && System.nanoTime() < deadline && gate.isOpen()) {
                sleep(50);
            }
            commit(partitions);
            offsets.forget(partitions);
            log.info("Partitions revoked: {}", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            links.awaitCaughtUp(Duration.ofMinutes(5));
            log.info("Partitions assigned: {} ({} links loaded)", partitions, links.size());
            if (firstAssignment) {
                firstAssignment = false;
                onFirstAssignment.accept(backlog(partitions));
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            offsets.forget(partitions);
        }
    }

    private long backlog(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30));
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        long total = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            long from = at != null ? at.offset() : begin.getOrDefault(partition, 0L);
            total += Math.max(0, end.getOrDefault(partition, 0L) - from);
        }
        return total;
    }

    private void shutdown() {
        processor.stop();
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline && gate.isOpen()) {
            sleep(50);
        }
        executor.close(Duration.ofSeconds(5));
        try {
            commit(null);
        } catch (RuntimeException e) {
            log.warn("Final offset commit failed: {}", e.toString());
        }
        consumer.close(Duration.ofSeconds(5));
        status = new Status(Set.of(), inFlight.get(), -1, false, offsets.allCommitted());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(shutdownTimeout.toMillis() + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new HashMap<>();
        map.put("status", status);
        return map;
    }
}
