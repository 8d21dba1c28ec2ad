package io.scimflow.benchmarks.run;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSpanTest {

    /** In the past: the broker refuses timestamps more than an hour ahead. */
    private static final Instant T0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

    private final Map<String, Object> clients = Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers());

    @Test
    void spansTheFirstAndLastRecordAddedSinceTheOffsetsAcrossPartitions() throws Exception {
        String topic = "record-span-" + System.nanoTime();
        try (Admin admin = Admin.create(clients)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clients, new StringSerializer(), new StringSerializer())) {
            // before the sync: not part of the span
            producer.send(new ProducerRecord<>(topic, 0, T0.toEpochMilli(), "old", "x")).get();
            Map<TopicPartition, Long> from = RecordSpan.endOffsets(clients, topic);
            assertThat(from).containsEntry(new TopicPartition(topic, 0), 1L).containsEntry(new TopicPartition(topic, 1), 0L);

            assertThat(RecordSpan.since(clients, from)).isEqualTo(new RecordSpan(null, null));

            producer.send(new ProducerRecord<>(topic, 1, T0.plusMillis(150).toEpochMilli(), "a", "x")).get();
            producer.send(new ProducerRecord<>(topic, 0, T0.plusMillis(250).toEpochMilli(), "b", "x")).get();
            producer.send(new ProducerRecord<>(topic, 1, T0.plusMillis(900).toEpochMilli(), "c", "x")).get();
            producer.send(new ProducerRecord<>(topic, 0, T0.plusMillis(700).toEpochMilli(), "d", "x")).get();

            assertThat(RecordSpan.since(clients, from)).isEqualTo(new RecordSpan(T0.plusMillis(150), T0.plusMillis(900)));
        }
    }
}
