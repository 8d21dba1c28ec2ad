package io.scimflow.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ProvisioningLogTailTest {

    @Test
    void aTailFromTheBeginningHasReadEverythingWrittenBeforeItOnceCaughtUp() throws Exception {
        String bootstrap = SharedLocalKafkaBroker.bootstrapServers();
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", bootstrap), List.of(Topics.provisioningLog()), Duration.ofSeconds(30));
        Map<String, Object> serde = Map.of("schema.registry.url", "mock://log-tail-test");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serde, false);
        Map<String, Object> producerConfig = new HashMap<>(serde);
        producerConfig.put("bootstrap.servers", bootstrap);
        String run = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<String, Object>(producerConfig, new StringSerializer(), serializer)) {
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>(Topics.PROVISIONING_LOG, "user/" + i, entry(run + "-" + i)));
            }
            producer.flush();
        }

        try (ProvisioningLogTail tail = new ProvisioningLogTail(bootstrap,
                Map.of("schema.registry.url", "mock://log-tail-test", "specific.avro.reader", "true"), true)) {
            tail.awaitCaughtUp(Duration.ofSeconds(60));

            assertThat(tail.entries().stream().filter(e -> e.getId().startsWith(run))).hasSize(300);
        }
    }

    private static ProvisioningLogEntry entry(String id) {
        return ProvisioningLogEntry.newBuilder().setId(id).setChangeId("c-" + id).setOperationId("op-" + id)
                .setTimestamp(Instant.parse("2026-11-28T10:00:00Z")).setObjectType(ObjectType.USER).setSourceId("src-" + id)
                .setSourceIdentity("someone@example.com").setTargetId("t-" + id).setAction(LogAction.CREATE)
                .setStatus(LogStatus.SUCCESS).setDurationMs(3).build();
    }
}
