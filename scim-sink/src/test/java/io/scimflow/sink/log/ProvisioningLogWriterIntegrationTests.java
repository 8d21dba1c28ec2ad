package io.scimflow.sink.log;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.sink.ops.ProvisioningLogPrinter;
import io.scimflow.sink.support.SinkHarness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log writer's asynchronous writes against the real broker: durable once flush returned, failures fail the flush. */
class ProvisioningLogWriterIntegrationTests {

    @Test
    void anEntryIsDurableOnceFlushReturnedAndARefusedOneFailsTheFlushUntilWritten() throws Exception {
        // The broker refuses records above 1,000 bytes on this topic.
        String topic = "log-writer-" + System.nanoTime();
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                List.of(new TopicSpec(topic, 1, (short) 1, Map.of("max.message.bytes", "1000"))), Duration.ofSeconds(30));
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of("bootstrap.servers", SinkHarness.bootstrap(),
                "acks", "all", "enable.idempotence", true, "delivery.timeout.ms", 5000, "request.timeout.ms", 4000),
                new StringSerializer(), serializer())) {
            ProvisioningLogWriter writer = new ProvisioningLogWriter(producer, topic, "run-1", Set.of(), new SimpleMeterRegistry());

            writer.failure("user/small", null, null, "HTTP_400", 400, "short reason", 1, 5);
            writer.flush();
            assertThat(read(topic)).extracting(ProvisioningLogEntry::getSourceId).containsExactly("small");

            String longReason = "r".repeat(2000);
            writer.failure("user/big", null, null, "HTTP_400", 400, longReason, 1, 5);
            assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot write 1 provisioning log entries to " + topic);
            assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class); // sent again, refused again

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", SinkHarness.bootstrap()))) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                        new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048576"), AlterConfigOp.OpType.SET)))).all().get();
            }
            writer.flush();
            List<ProvisioningLogEntry> entries = read(topic);
            assertThat(entries).extracting(ProvisioningLogEntry::getSourceId).containsExactly("small", "big");
            assertThat(entries.get(1).getStatus()).isEqualTo(LogStatus.FAILURE);
            assertThat(entries.get(1).getErrorReason()).isEqualTo(longReason);
        }
    }

    private static List<ProvisioningLogEntry> read(String topic) {
        return ProvisioningLogPrinter.read(Map.of("bootstrap.servers", SinkHarness.bootstrap()), SinkHarness.REGISTRY, topic);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Serializer<Object> serializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", SinkHarness.REGISTRY), false);
        return (Serializer) serializer;
    }
}
