package io.scimflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same round trip against Apache Kafka's official image in a container. Runs where a
 * Docker engine is available; skipped (not failed) where there is none, as on the
 * project's CI machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBrokerRoundTripTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Test
    void aDirectoryUserRoundTripsThroughAContainerizedBroker() throws Exception {
        Map<String, Object> serde = Map.of("schema.registry.url", "mock://container", "specific.avro.reader", "true");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serde, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(serde, false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", KAFKA.getBootstrapServers()),
                new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>("directory.users", "u-1", SampleEvents.user())).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", KAFKA.getBootstrapServers(),
                "group.id", "container", "auto.offset.reset", "earliest"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of("directory.users"));
            Object value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    value = record.value();
                }
            }
            assertThat(value).isEqualTo(SampleEvents.user());
        }
    }
}
