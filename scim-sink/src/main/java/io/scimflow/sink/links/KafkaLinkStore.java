package io.scimflow.sink.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.scimflow.events.ObjectType;
import io.scimflow.events.sink.ObjectLink;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.schemas.topics.EndOffsets;
import io.scimflow.sink.reconcile.LinkRegistry;
import io.scimflow.sink.reconcile.LinkRegistry.AppliedMark;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * with {@link #awaitCaughtUp} before it processes newly assigned partitions.
 *
 * <p>Writes are asynchronous: {@link #link}/{@link #unlink} change the cache at once, and
 * {@link #settle} (the end of the operation) sends one record per changed object, carrying the
 * replay mark too, without waiting for the acknowledgement. {@link #flush} runs before every
 * offset commit: it waits for every record sent so far, sends again those that failed, and
 * throws while any is not acknowledged, so no operation is committed before its links and marks
 * are durable. While an own write of an object is not acknowledged, the tail does not replace
 * the cached object with what it reads (an older record of this instance would else win for a
 * moment); a newer record of another instance read meanwhile wins once the own write's offset is
 * known. Thread-safe.
 */
public final class KafkaLinkStore implements LinkRegistry, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaLinkStore.class);
    private static final int LOCK_STRIPES = 64;

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<Object> values;
    private final Producer<String, Object> producer;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> barriers = new ConcurrentLinkedQueue<>();
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final AtomicLong writes = new AtomicLong();
    /** Objects this thread changed in the current operation, written by {@link #settle}. */
    private final ThreadLocal<Set<String>> unsent = ThreadLocal.withInitial(LinkedHashSet::new);
    /** Objects whose last write failed: written again by {@link #flush}. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Thread tail;
    private volatile LinkListener listener = (type, sourceId) -> { };
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile Throwable writeFailure;

    /**
     * One object's record: its link (null target id when unlinked) and its replay guard mark.
     * {@code offset} is the links-topic offset of the record the content came from (-1 while
     * unknown). {@code write} is the number of this instance's own write that holds the content
     * and is not acknowledged yet (0 when none); meanwhile {@code newer} keeps the newest record
     * the tail read. A mark only ever moves forward.
     */
    private record Entry(String targetId, String targetIdentity, boolean managed, AppliedMark mark, long offset, long write,
            Entry newer) {

        static Entry read(String targetId, String targetIdentity, boolean managed, AppliedMark mark, long offset) {
            return new Entry(targetId, targetIdentity, managed, mark, offset, 0, null);
        }

        /** This instance changed the object (write number {@code write}, not sent or not acknowledged yet). */
        Entry changed(String newTargetId, String newTargetIdentity, boolean newManaged, AppliedMark newMark, long newWrite) {
            return new Entry(newTargetId, newTargetIdentity, newManaged, newMark, offset, newWrite, newer);
        }

        /** The tail read a record of the object. */
        Entry merge(Entry read) {
            AppliedMark merged = maxOf(mark, read.mark);
            if (write > 0) {
                Entry newest = newer == null || read.offset > newer.offset ? read : newer;
                return new Entry(targetId, targetIdentity, managed, merged, offset, write, newest);
            }
            Entry winner = offset > read.offset ? this : read;
            return new Entry(winner.targetId, winner.targetIdentity, winner.managed, merged, winner.offset, 0, null);
        }

        /** Own write number {@code acked} was acknowledged at {@code at}. */
        Entry acknowledged(long acked, long at) {
            if (write != acked) {
                return this; // a later own write holds the content
            }
            if (newer != null && newer.offset > at) {
                return new Entry(newer.targetId, newer.targetIdentity, newer.managed, mark, newer.offset, 0, null);
            }
            return new Entry(targetId, targetIdentity, managed, mark, at, 0, null);
        }

        boolean linked() {
            return managed && targetId != null;
        }

        private static AppliedMark maxOf(AppliedMark a, AppliedMark b) {
            return a == null ? b : a.max(b);
        }
    }

    public KafkaLinkStore(String topic, KafkaConsumer<String, byte[]> consumer, Deserializer<Object> values,
            Producer<String, Object> producer) {
        this.topic = topic;
        this.consumer = consumer;
        this.values = values;
        this.producer = producer;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        this.tail = new Thread(this::tailLoop, "scim-sink-links-tail");
        this.tail.setDaemon(true);
    }

    /** Told when an object becomes linked: by this instance, or by another one (read by the tail). */
    @FunctionalInterface
    public interface LinkListener {
        /** Called on the thread that linked or read the link; must not block. */
        void linked(ObjectType type, String sourceId);
    }

    /** Who is told when an object becomes linked (one listener; set it before {@link #start}). */
    public void onLinked(LinkListener listener) {
        this.listener = listener;
    }

    public void start() {
        tail.start();
    }

    /** Blocks until every link acknowledged before this call has been read into the cache. */
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

    /** Links at once in memory; the record is written by {@link #settle} (or {@link #flush}). */
    @Override
    public void link(ObjectType type, String sourceId, String targetId, String targetIdentity) {
        String key = OperationKeys.of(type, sourceId);
        synchronized (lockOf(key)) {
            long write = writes.incrementAndGet();
            entries.compute(key, (k, old) -> old == null ? new Entry(targetId, targetIdentity, true, null, -1, write, null)
                    : old.changed(targetId, targetIdentity, true, old.mark(), write));
        }
        unsent.get().add(key);
        notifyLinked(type, sourceId);
    }

    /**
     * Forgets the link. When the object has a replay mark, the record kept is an unmanaged one
     * (the old target id, {@code managed=false}) that carries the mark, so a replay of the
     * object's older operations does not re-create it; else a tombstone. Written like {@link #link}.
     */
    @Override
    public void unlink(ObjectType type, String sourceId) {
        String key = OperationKeys.of(type, sourceId);
        synchronized (lockOf(key)) {
            long write = writes.incrementAndGet();
            entries.compute(key, (k, old) -> {
                AppliedMark mark = old == null ? null : old.mark();
                boolean keep = mark != null && old.targetId() != null;
                return old == null ? new Entry(null, null, false, null, -1, write, null)
                        : old.changed(keep ? old.targetId() : null, keep ? old.targetIdentity() : null, false, mark, write);
            });
        }
        unsent.get().add(key);
    }

    @Override
    public Optional<AppliedMark> lastApplied(ObjectType type, String sourceId) {
        Entry entry = entries.get(OperationKeys.of(type, sourceId));
        return Optional.ofNullable(entry == null ? null : entry.mark());
    }

    /**
     * Raises the object's mark in memory (when the operation was applied; objects with no record,
     * never linked, get none) and sends, without waiting, one record for each object this thread
     * changed during the operation: a create that links and marks writes one record.
     */
    @Override
    public void settle(ObjectType type, String sourceId, AppliedMark applied) {
        Set<String> changed = unsent.get();
        if (applied != null) {
            String key = OperationKeys.of(type, sourceId);
            synchronized (lockOf(key)) {
                Entry old = entries.get(key);
                if (old != null && old.targetId() != null && !applied.max(old.mark()).equals(old.mark())) {
                    long write = writes.incrementAndGet();
                    entries.compute(key, (k, e) -> e.changed(e.targetId(), e.targetIdentity(), e.managed(), applied.max(e.mark()), write));
                    changed.add(key);
                }
            }
        }
        try {
            for (String key : changed) {
                send(key);
            }
        } finally {
            changed.clear();
        }
    }

    /**
     * Waits until every record sent so far is acknowledged, sends again those that failed (with
     * the object's current state) and waits for them; throws when one is still not written, and
     * writes it again on the next call.
     */
    @Override
    public void flush() {
        producer.flush();
        if (failed.isEmpty()) {
            return;
        }
        for (String key : List.copyOf(failed)) {
            failed.remove(key);
            synchronized (lockOf(key)) {
                long write = writes.incrementAndGet();
                Entry now = entries.computeIfPresent(key, (k, e) -> e.changed(e.targetId(), e.targetIdentity(), e.managed(), e.mark(), write));
                if (now != null) {
                    send(key);
                }
            }
        }
        producer.flush();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("cannot write " + failed.size() + " link record(s) to " + topic
                    + " (written again before the next commit): " + writeFailure, writeFailure);
        }
    }

    /** Sends the object's current state, if an own write of it is not acknowledged yet; never throws. */
    private void send(String key) {
        synchronized (lockOf(key)) {
            Entry entry = entries.get(key);
            if (entry == null || entry.write() == 0) {
                return;
            }
            long write = entry.write();
            try {
                producer.send(new ProducerRecord<>(topic, key, record(key, entry)), (metadata, error) -> {
                    if (error != null) {
                        failed(key, error);
                    } else {
                        entries.computeIfPresent(key, (k, e) -> e.acknowledged(write, metadata.offset()));
                    }
                });
            } catch (RuntimeException e) {
                failed(key, e);
            }
        }
    }

    private void failed(String key, Throwable error) {
        writeFailure = error;
        failed.add(key);
        log.error("Cannot write the link record of {} to {} (written again before the next commit): {}", key, topic,
                error.toString());
    }

    private Object lockOf(String key) {
        return locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
    }

    /** The record of an entry: an {@link ObjectLink}, or a tombstone (null) when it has no target id. */
    private static ObjectLink record(String key, Entry entry) {
        if (entry.targetId() == null) {
            return null;
        }
        AppliedMark mark = entry.mark();
        return ObjectLink.newBuilder().setObjectType(OperationKeys.typeOf(key)).setSourceId(OperationKeys.sourceIdOf(key))
                .setTargetId(entry.targetId()).setTargetIdentity(entry.targetIdentity()).setManaged(entry.managed())
                .setLinkedAt(Instant.now())
                .setLastSourceChangedAt(mark == null ? null : mark.objectChangedAt())
                .setLastMembershipChangedAt(mark == null ? null : mark.membershipChangedAt()).build();
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
                    if (targets != null && EndOffsets.reached(consumer, targets)) {
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

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        Entry held = entries.get(record.key());
        if (held != null && held.write() == 0 && held.offset() == record.offset()) {
            // This instance's own write, acknowledged at this offset: the cache holds exactly this
            // record's content, and merging it would change nothing. Most records of a single
            // sink are its own, so the tail does not decode them again.
            return;
        }
        Entry entry;
        if (record.value() == null) {
            entry = Entry.read(null, null, false, null, record.offset());
        } else {
            Object decoded = values.deserialize(record.topic(), record.headers(), record.value());
            if (!(decoded instanceof ObjectLink link)) {
                log.warn("Ignoring a record of {} that is not an ObjectLink at offset {}", topic, record.offset());
                return;
            }
            AppliedMark mark = link.getLastSourceChangedAt() == null && link.getLastMembershipChangedAt() == null ? null
                    : new AppliedMark(link.getLastSourceChangedAt(), link.getLastMembershipChangedAt());
            entry = Entry.read(link.getTargetId(), link.getTargetIdentity(), link.getManaged(), mark, record.offset());
        }
        Entry merged = entries.merge(record.key(), entry, Entry::merge);
        if (merged.linked() && (held == null || !held.linked())) {
            notifyLinked(record.key());
        }
    }

    private void notifyLinked(String key) {
        notifyLinked(OperationKeys.typeOf(key), OperationKeys.sourceIdOf(key));
    }

    private void notifyLinked(ObjectType type, String sourceId) {
        try {
            listener.linked(type, sourceId);
        } catch (RuntimeException e) {
            log.warn("Link listener failed for {} {}: {}", type, sourceId, e.toString());
        }
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
