package io.scimflow.sink.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.scimflow.events.ObjectType;
import io.scimflow.events.sink.ObjectLink;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.sink.reconcile.LinkRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links, durable in the compacted topic {@code scim-sink.links} and cached in memory. One
 * thread tails every partition of the topic from the beginning, so that each instance can also
 * resolve references (members, managers) whose links another instance owns; an instance waits
 * with {@link #awaitCaughtUp} before it processes newly assigned partitions. A change is written
 * to the topic (and acknowledged) before {@link #link}/{@link #unlink} return; the tail ignores
 * records older than this instance's own last write of the same key. Thread-safe.
 */
public final class KafkaLinkStore implements LinkRegistry, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaLinkStore.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<Object> values;
    private final Producer<String, Object> producer;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> barriers = new ConcurrentLinkedQueue<>();
    private final Thread tail;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private record Entry(String targetId, String targetIdentity, long offset) {
    }

    public KafkaLinkStore(String topic, KafkaConsumer<String, byte[]> consumer, Deserializer<Object> values,
            Producer<String, Object> producer) {
        this.topic = topic;
        this.consumer = consumer;
        this.values = values;
        this.producer = producer;
        this.tail = new Thread(this::tailLoop, "scim-sink-links-tail");
        this.tail.setDaemon(true);
    }

    public void start() {
        tail.start();
    }

    /** Blocks until every link written before this call has been read into the cache. */
    public void awaitCaughtUp(Duration timeout) {
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        barriers.add(barrier);
        try {
            barrier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading links from " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot load links from " + topic + " within " + timeout.toSeconds() + " s"
                    + (failure != null ? ": " + failure : ""), e);
        }
    }

    public int size() {
        return (int) entries.values().stream().filter(e -> e.targetId() != null).count();
    }

    @Override
    public Optional<Link> find(ObjectType type, String sourceId) {
        Entry entry = entries.get(OperationKeys.of(type, sourceId));
        return entry == null || entry.targetId() == null ? Optional.empty()
                : Optional.of(new Link(entry.targetId(), entry.targetIdentity()));
    }

    @Override
    public void link(ObjectType type, String sourceId, String targetId, String targetIdentity) {
        ObjectLink value = ObjectLink.newBuilder().setObjectType(type).setSourceId(sourceId).setTargetId(targetId)
                .setTargetIdentity(targetIdentity).setManaged(true).setLinkedAt(Instant.now()).build();
        String key = OperationKeys.of(type, sourceId);
        long offset = write(key, value);
        entries.merge(key, new Entry(targetId, targetIdentity, offset), (old, now) -> old.offset() > now.offset() ? old : now);
    }

    @Override
    public void unlink(ObjectType type, String sourceId) {
        String key = OperationKeys.of(type, sourceId);
        long offset = write(key, null);
        entries.merge(key, new Entry(null, null, offset), (old, now) -> old.offset() > now.offset() ? old : now);
    }

    private long write(String key, Object value) {
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
            return metadata.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing link " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write link " + key + " to " + topic + ": " + e, e);
        }
    }

    private void tailLoop() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(60))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> targets = null;
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            while (running) {
                try {
                    if (!barriers.isEmpty()) {
                        CompletableFuture<Void> next;
                        while ((next = barriers.poll()) != null) {
                            waiting.add(next);
                        }
                        targets = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
                    }
                    if (targets != null && caughtUp(targets)) {
                        waiting.forEach(b -> b.complete(null));
                        waiting.clear();
                        targets = null;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        apply(record);
                    }
                } catch (WakeupException e) {
                    // a new barrier arrived, or close() was called: go round again
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure = e;
                log.error("Links tail of {} stopped: {}", topic, e.toString());
                barriers.forEach(b -> b.completeExceptionally(e));
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> targets) {
        for (var target : targets.entrySet()) {
            if (consumer.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        Entry entry;
        if (record.value() == null) {
            entry = new Entry(null, null, record.offset());
        } else {
            Object decoded = values.deserialize(record.topic(), record.headers(), record.value());
            if (!(decoded instanceof ObjectLink link)) {
                log.warn("Ignoring a record of {} that is not an ObjectLink at offset {}", topic, record.offset());
                return;
            }
            entry = new Entry(link.getTargetId(), link.getTargetIdentity(), record.offset());
        }
        entries.merge(record.key(), entry, (old, now) -> old.offset() > now.offset() ? old : now);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            tail.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
