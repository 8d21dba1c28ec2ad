package io.scimflow.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes state events with one idempotent Kafka producer ({@code acks=all}), logging
 * progress on large rounds (records sent, rate). A {@link #begin round} hands its events to the
 * producer in chunks as they are added, so the producer's network thread ships full batches
 * while the caller is still computing the rest of the round; {@link Round#finish} hands over
 * the rest.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);
    private static final int PROGRESS_EVERY = 10_000;
    /**
     * Events handed to the producer at once. One at a time, a large round trickled out in many
     * small batches as fast as it was computed (more requests and more CPU at 10,000 users);
     * a few thousand at once fill the batches and still start sending early.
     */
    static final int DEFAULT_CHUNK = 4_096;

    private final Producer<String, Object> producer;
    private final TopicNames topics;
    private final int chunk;

    public KafkaEventSink(Map<String, Object> producerConfig, TopicNames topics) {
        this(new KafkaProducer<>(producerConfig), topics, DEFAULT_CHUNK);
    }

    KafkaEventSink(Map<String, Object> producerConfig, TopicNames topics, int chunk) {
        this(new KafkaProducer<>(producerConfig), topics, chunk);
    }

    KafkaEventSink(Producer<String, Object> producer, TopicNames topics, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, not " + chunk);
        }
        this.producer = producer;
        this.topics = topics;
        this.chunk = chunk;
    }

    @Override
    public void send(List<StateEvent> events, Consumer<StateEvent> acked) {
        Round round = begin();
        events.forEach(round::add);
        round.finish(acked);
    }

    @Override
    public Round begin() {
        return new SendingRound();
    }

    /** A round whose records are handed to the producer a chunk at a time; not thread-safe. */
    private final class SendingRound implements Round {

        private final long start = System.nanoTime();
        private final List<StateEvent> events = new ArrayList<>();
        private final List<Future<RecordMetadata>> futures = new ArrayList<>();

        @Override
        public void add(StateEvent event) {
            events.add(event);
            if (events.size() - futures.size() >= chunk) {
                sendPending();
            }
        }

        private void sendPending() {
            for (int i = futures.size(); i < events.size(); i++) {
                StateEvent event = events.get(i);
                futures.add(producer.send(new ProducerRecord<>(topics.of(event.topic()), event.key(), event.value())));
                if (futures.size() % PROGRESS_EVERY == 0) {
                    log.info("Publishing: {} records sent so far ({} records/s)", futures.size(), rate(futures.size(), start));
                }
            }
        }

        @Override
        public void finish(Consumer<StateEvent> acked) {
            if (events.isEmpty()) {
                return;
            }
            sendPending();
            producer.flush();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new PublishException("Publishing " + events.get(i) + " failed (" + i + " of " + events.size()
                            + " records confirmed): " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PublishException("Interrupted while publishing", e);
                }
                acked.accept(events.get(i));
            }
            if (events.size() >= PROGRESS_EVERY) {
                log.info("Published {} records ({} records/s)", events.size(), rate(events.size(), start));
            }
        }
    }

    private static long rate(int count, long startNanos) {
        long nanos = Math.max(1, System.nanoTime() - startNanos);
        return count * 1_000_000_000L / nanos;
    }

    @Override
    public void close() {
        producer.close();
    }
}
