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
import io.scimflow.sink.reconcile.LinkRegistry.AppliedMark;
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
    private volatile Throwable writeFailure;

    /**
     * One object's record: its link (null target id when unlinked) and its replay guard mark.
     * {@code offset} is the links-topic offset of the record it came from (-1 for a mark not read
     * back yet); the newer record wins, but a mark only ever moves forward.
     */
    private record Entry(String targetId, String targetIdentity, boolean managed, AppliedMark mark, long offset) {

        Entry merge(Entry other) {
            Entry winner = offset > other.offset ? this : other;
            AppliedMark merged = mark == null ? other.mark : mark.max(other.mark);
            return new Entry(winner.targetId, winner.targetIdentity, winner.managed, merged, winner.offset);
        }

        boolean linked() {
            return managed && targetId != null;
        }
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
        return (int) entries.values().stream().filter(Entry::linked).count();
    }

    @Override
    public Optional<Link> find(ObjectType type, String sourceId) {
        Entry entry = entries.get(OperationKeys.of(type, sourceId));
        return entry == null || !entry.linked() ? Optional.empty()
                : Optional.of(new Link(entry.targetId(), entry.targetIdentity()));
    }

    @Override
    public void link(ObjectType type, String sourceId, String targetId, String targetIdentity) {
        String key = OperationKeys.of(type, sourceId);
        AppliedMark mark = markOf(key);
        long offset = write(key, record(type, sourceId, targetId, targetIdentity, true, mark));
        entries.merge(key, new Entry(targetId, targetIdentity, true, mark, offset), Entry::merge);
    }

    /**
     * Forgets the link. When the object has a replay mark, the record kept is an unmanaged one
     * (the old target id, {@code managed=false}) that carries the mark, so a replay of the
     * object's older operations does not re-create it; else a tombstone.
     */
    @Override
    public void unlink(ObjectType type, String sourceId) {
        String key = OperationKeys.of(type, sourceId);
        Entry old = entries.get(key);
        AppliedMark mark = markOf(key);
        Object value = mark == null || old == null || old.targetId() == null ? null
                : record(type, sourceId, old.targetId(), old.targetIdentity(), false, mark);
        long offset = write(key, value);
        entries.merge(key, value == null ? new Entry(null, null, false, mark, offset)
                : new Entry(old.targetId(), old.targetIdentity(), false, mark, offset), Entry::merge);
    }

    @Override
    public Optional<AppliedMark> lastApplied(ObjectType type, String sourceId) {
        return Optional.ofNullable(markOf(OperationKeys.of(type, sourceId)));
    }

    /**
     * Raises the object's mark in memory at once and writes the record asynchronously (no
     * acknowledgement awaited: {@link #flush} runs before every offset commit, so a committed
     * operation's mark is durable). Objects without a record (never linked) get none.
     */
    @Override
    public void markApplied(ObjectType type, String sourceId, AppliedMark mark) {
        String key = OperationKeys.of(type, sourceId);
        Entry old = entries.get(key);
        if (old == null || old.targetId() == null) {
            return; // never linked (or tombstoned without a mark): nothing to guard
        }
        AppliedMark raised = mark.max(old.mark());
        if (raised.equals(old.mark())) {
            return;
        }
        Entry now = entries.merge(key, new Entry(old.targetId(), old.targetIdentity(), old.managed(), raised, -1), Entry::merge);
        ObjectLink value = record(type, sourceId, now.targetId(), now.targetIdentity(), now.managed(), now.mark());
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                writeFailure = error;
                log.error("Cannot write the replay mark of {} to {}: {}", key, topic, error.toString());
            }
        });
    }

    /** Waits until every mark sent so far is acknowledged; throws when one failed. */
    @Override
    public void flush() {
        producer.flush();
        Throwable failed = writeFailure;
        if (failed != null) {
            writeFailure = null;
            throw new IllegalStateException("cannot write replay marks to " + topic + ": " + failed, failed);
        }
    }

    private AppliedMark markOf(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.mark();
    }

    private static ObjectLink record(ObjectType type, String sourceId, String targetId, String targetIdentity, boolean managed,
            AppliedMark mark) {
        return ObjectLink.newBuilder().setObjectType(type).setSourceId(sourceId).setTargetId(targetId)
                .setTargetIdentity(targetIdentity).setManaged(managed).setLinkedAt(Instant.now())
                .setLastSourceChangedAt(mark == null ? null : mark.objectChangedAt())
                .setLastMembershipChangedAt(mark == null ? null : mark.membershipChangedAt()).build();
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
            entry = new Entry(null, null, false, null, record.offset());
        } else {
            Object decoded = values.deserialize(record.topic(), record.headers(), record.value());
            if (!(decoded instanceof ObjectLink link)) {
                log.warn("Ignoring a record of {} that is not an ObjectLink at offset {}", topic, record.offset());
                return;
            }
            AppliedMark mark = link.getLastSourceChangedAt() == null && link.getLastMembershipChangedAt() == null ? null
                    : new AppliedMark(link.getLastSourceChangedAt(), link.getLastMembershipChangedAt());
            entry = new Entry(link.getTargetId(), link.getTargetIdentity(), link.getManaged(), mark, record.offset());
        }
        entries.merge(record.key(), entry, Entry::merge);
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
