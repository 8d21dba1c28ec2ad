package io.scimflow.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    @Test
    void aRecordWrittenBeforeARestartIsReadAfterIt(@TempDir Path dir) throws Exception {
        LocalKafkaBrokerSettings settings = LocalKafkaBrokerSettings.defaults().withDataDir(dir);
        String bootstrap;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(settings)) {
            bootstrap = broker.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "v")).get();
            }
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(settings)) {
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                    "group.id", "g", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("t"));
                ConsumerRecord<String, String> found = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (found == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        found = r;
                    }
                }
                assertThat(found).isNotNull();
                assertThat(found.key()).isEqualTo("k");
                assertThat(found.value()).isEqualTo("v");
            }
        }
    }

    @Test
    void theControllerNeverGetsTheBrokersPortWhenTheSystemHandsTheSameFreePortTwice() {
        java.util.Iterator<Integer> handedOut = List.of(40123, 40123, 40124).iterator();

        assertThat(LocalKafkaBroker.PortPair.portOtherThan(40123, handedOut::next)).isEqualTo(40124);
    }
}
