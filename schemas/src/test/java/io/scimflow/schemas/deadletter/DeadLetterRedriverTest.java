package io.scimflow.schemas.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterRedriverTest {

    private final Map<String, Object> kafka = Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers());
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String dlt = "redriver-test-" + run + ".dlt";
    private final String original = "redriver-test-" + run + ".original";
    private final String fallback = "redriver-test-" + run + ".fallback";

    @Test
    void aRecordWithoutItsOriginalTopicGoesToTheFallbackAndEachRecordIsRedrivenOnce() throws Exception {
        createTopics(dlt, original, fallback);
        park("with-header", original);
        park("without-header", null);

        DeadLetterRedriver.Result first = new DeadLetterRedriver(kafka, Duration.ofSeconds(30)).run(dlt, fallback, null, false);

        assertThat(first.redrivenByTopic()).containsExactlyInAnyOrderEntriesOf(Map.of(original, 1, fallback, 1));
        assertThat(first.unroutable()).isEmpty();
        ConsumerRecord<byte[], byte[]> back = readOne(original);
        assertThat(new String(back.key(), StandardCharsets.UTF_8)).isEqualTo("with-header");
        assertThat(back.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC)).as("dead-letter headers removed").isNull();
        assertThat(ByteBuffer.wrap(back.headers().lastHeader(DeadLetterHeaders.REDRIVE_COUNT).value()).getInt()).isEqualTo(1);
        assertThat(new String(readOne(fallback).key(), StandardCharsets.UTF_8)).isEqualTo("without-header");

        DeadLetterRedriver.Result second = new DeadLetterRedriver(kafka, Duration.ofSeconds(30)).run(dlt, fallback, null, false);
        assertThat(second.redriven()).as("progress was committed").isZero();
    }

    @Test
    void withoutAFallbackARecordWithoutItsOriginalTopicIsUnroutableAndHoldsItsPartition() throws Exception {
        createTopics(dlt, original);
        park("without-header", null);
        park("after-it", original);

        DeadLetterRedriver.Result first = new DeadLetterRedriver(kafka, Duration.ofSeconds(30)).run(dlt, null, null, false);
        assertThat(first.unroutable()).extracting(DeadLetterRedriver.Parked::key).containsExactly("without-header");
        assertThat(first.redrivenByTopic()).containsExactlyEntriesOf(Map.of(original, 1));

        DeadLetterRedriver.Result second = new DeadLetterRedriver(kafka, Duration.ofSeconds(30)).run(dlt, null, null, false);
        assertThat(second.unroutable()).as("still waiting: its partition's progress did not pass it")
                .extracting(DeadLetterRedriver.Parked::key).containsExactly("without-header");
    }

    private void createTopics(String... names) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, 1, (short) 1));
        }
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void park(String key, String originalTopic) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlt, key.getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8));
            if (originalTopic != null) {
                record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
            }
            record.headers().add(DeadLetterHeaders.REASON, "SCIM_500: test".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private ConsumerRecord<byte[], byte[]> readOne(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.get("bootstrap.servers"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
            throw new AssertionError("no record on " + topic);
        }
    }
}
