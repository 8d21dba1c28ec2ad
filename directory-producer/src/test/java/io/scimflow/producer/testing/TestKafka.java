package io.scimflow.producer.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.schemas.keys.MembershipPartitioner;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The shared in-process broker as the producer's tests use it: the three compacted topics, the app's producer settings. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Creates the three directory topics (3 partitions, compacted) on the shared broker. */
    public static void createTopics(TopicNames topics) {
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers()), List.of(
                new TopicSpec(topics.users(), 3, (short) 1, Map.of("cleanup.policy", "compact")),
                new TopicSpec(topics.groups(), 3, (short) 1, Map.of("cleanup.policy", "compact")),
                new TopicSpec(topics.memberships(), 3, (short) 1, Map.of("cleanup.policy", "compact"))), Duration.ofSeconds(30));
    }

    /** A producer configuration as the app's (idempotent, acks=all, Avro, memberships by group), against the shared broker. */
    public static Map<String, Object> producerConfig(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedLocalKafkaBroker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, MembershipPartitioner.class);
        config.put("schema.registry.url", registryUrl);
        return config;
    }
}
