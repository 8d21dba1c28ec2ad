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
 * progress on large rounds (records sent, rate).
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);
    private static final int PROGRESS_EVERY = 10_000;

    private final Producer<String, Object> producer;
    private final TopicNames topics;

    public KafkaEventSink(Map<String, Object> producerConfig, TopicNames topics) {
        this(new KafkaProducer<>(producerConfig), topics);
    }

    KafkaEventSink(Producer<String, Object> producer, TopicNames topics) {
        this.producer = producer;
        this.topics = topics;
    }

    @Override
    public void send(List<StateEvent> events, Consumer<StateEvent> acked) {
        if (events.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<Future<RecordMetadata>> futures = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            StateEvent event = events.get(i);
            futures.add(producer.send(new ProducerRecord<>(topics.of(event.topic()), event.key(), event.value())));
            if ((i + 1) % PROGRESS_EVERY == 0) {
                log.info("Publishing: {} of {} records sent ({} records/s)", i + 1, events.size(), rate(i + 1, start));
            }
        }
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

    private static long rate(int count, long startNanos) {
        long nanos = Math.max(1, System.nanoTime() - startNanos);
        return count * 1_000_000_000L / nanos;
    }

    @Override
    public void close() {
        producer.close();
    }
}
