package io.scimflow.producer.ops;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimflow.producer.publish.EventTopic;
import io.scimflow.producer.publish.PublishListener;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.SourceListener;
import io.scimflow.producer.publish.StateEvent;

/**
 * Micrometer metrics of the producer:
 * {@code scimflow.producer.published} (counter, tags {@code topic} = users|groups|memberships and
 * {@code kind} = state|tombstone), {@code scimflow.producer.last.poll} (gauge, epoch seconds of the
 * last successful source read), {@code scimflow.producer.last.publish} (gauge, epoch seconds of the
 * last publish round), {@code scimflow.producer.initial.sync.records} (gauge, records the initial
 * sync published; -1 until it is done) and {@code scimflow.producer.poll.failures} (counter).
 */
public final class ProducerMetrics implements PublishListener, SourceListener {

    private final Map<EventTopic, Counter> states = new EnumMap<>(EventTopic.class);
    private final Map<EventTopic, Counter> tombstones = new EnumMap<>(EventTopic.class);
    private final Counter pollFailures;
    private final AtomicLong lastPoll = new AtomicLong();
    private final AtomicLong lastPublish = new AtomicLong();
    private final AtomicLong initialSyncRecords = new AtomicLong(-1);
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public ProducerMetrics(MeterRegistry registry) {
        for (EventTopic topic : EventTopic.values()) {
            String name = topic.name().toLowerCase(java.util.Locale.ROOT);
            states.put(topic, Counter.builder("scimflow.producer.published").tag("topic", name).tag("kind", "state")
                    .description("Directory records published").register(registry));
            tombstones.put(topic, Counter.builder("scimflow.producer.published").tag("topic", name).tag("kind", "tombstone")
                    .description("Directory records published").register(registry));
        }
        pollFailures = Counter.builder("scimflow.producer.poll.failures").description("Source reads that failed").register(registry);
        Gauge.builder("scimflow.producer.last.poll", lastPoll, AtomicLong::get).baseUnit("seconds")
                .description("Epoch seconds of the last successful read of the directory source").register(registry);
        Gauge.builder("scimflow.producer.last.publish", lastPublish, AtomicLong::get).baseUnit("seconds")
                .description("Epoch seconds of the last publish round").register(registry);
        Gauge.builder("scimflow.producer.initial.sync.records", initialSyncRecords, AtomicLong::get)
                .description("Records published by the initial sync; -1 until it is done").register(registry);
    }

    @Override
    public void published(StateEvent event) {
        (event.tombstone() ? tombstones : states).get(event.topic()).increment();
    }

    @Override
    public void round(PublishResult result, boolean initial) {
        lastPublish.set(Instant.now().getEpochSecond());
        if (initial) {
            initialSyncRecords.set(result.records());
        }
    }

    @Override
    public void polled() {
        lastPoll.set(Instant.now().getEpochSecond());
        lastError.set(null);
    }

    @Override
    public void pollFailed(String error) {
        pollFailures.increment();
        lastError.set(error);
    }

    public long lastPollEpochSeconds() {
        return lastPoll.get();
    }

    public String lastError() {
        return lastError.get();
    }
}
