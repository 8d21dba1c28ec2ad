package io.scimflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.schemas.topics.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Every contract goes through the real broker with the project's serde and comes back equal, field by field. */
class ContractRoundTripTest {

    @Test
    void everyContractRoundTripsThroughTheBroker() throws Exception {
        String bootstrap = SharedLocalKafkaBroker.bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<SpecificRecord> samples = SampleEvents.all();
        List<TopicSpec> topics = new ArrayList<>();
        for (SpecificRecord sample : samples) {
            topics.add(new TopicSpec("roundtrip-" + run + "-" + sample.getSchema().getName(), 1, (short) 1, Map.of()));
        }
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", bootstrap), topics, Duration.ofSeconds(30));

        Map<String, Object> serde = Map.of("schema.registry.url", "mock://roundtrip-" + run, "specific.avro.reader", "true");
        Map<String, Object> producerConfig = new HashMap<>(serde);
        producerConfig.put("bootstrap.servers", bootstrap);
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", "true");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer(serde))) {
            for (int i = 0; i < samples.size(); i++) {
                producer.send(new ProducerRecord<>(topics.get(i).name(), "key-" + i, samples.get(i))).get();
            }
        }

        Map<String, Object> consumerConfig = new HashMap<>(serde);
        consumerConfig.put("bootstrap.servers", bootstrap);
        consumerConfig.put("group.id", "roundtrip-" + run);
        consumerConfig.put("auto.offset.reset", "earliest");
        Map<String, Object> received = new HashMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), deserializer(serde))) {
            consumer.subscribe(topics.stream().map(TopicSpec::name).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < samples.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    received.put(record.topic(), record.value());
                }
            }
        }

        for (int i = 0; i < samples.size(); i++) {
            SpecificRecord sent = samples.get(i);
            Object back = received.get(topics.get(i).name());
            assertThat(back).as(sent.getSchema().getName()).isInstanceOf(sent.getClass());
            SpecificRecord copy = (SpecificRecord) back;
            for (Schema.Field field : sent.getSchema().getFields()) {
                assertThat(sent.get(field.pos())).as("sample %s.%s is set", sent.getSchema().getName(), field.name()).isNotNull();
                assertThat(copy.get(field.pos())).as("%s.%s", sent.getSchema().getName(), field.name())
                        .isEqualTo(sent.get(field.pos()));
            }
        }
    }

    @Test
    void theProjectTopicsAreDeclaredWithTheirPolicies() {
        assertThat(Topics.all()).extracting(TopicSpec::name).containsExactly(
                "directory.users", "directory.groups", "directory.memberships", "provisioning.operations",
                "provisioning.log", "scim-sink.links", "provisioning-worker.dlt", "scim-sink.dlt");
        assertThat(Topics.all()).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
                .containsExactly("directory.users", "directory.groups", "directory.memberships", "scim-sink.links");
        assertThat(Topics.sinkLinks().partitions()).isEqualTo(Topics.provisioningOperations().partitions());
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private static KafkaAvroDeserializer deserializer(Map<String, Object> config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }
}
