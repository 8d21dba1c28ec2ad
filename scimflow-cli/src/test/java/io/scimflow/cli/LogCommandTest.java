package io.scimflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import picocli.CommandLine;

class LogCommandTest {

    private static ProvisioningLogEntry entry(String id, String upn, LogAction action, LogStatus status) {
        return ProvisioningLogEntry.newBuilder().setId(id).setChangeId("c-" + id).setOperationId("op-" + id)
                .setTimestamp(Instant.parse("2026-11-28T10:00:00Z")).setObjectType(ObjectType.USER).setSourceId("src-" + id)
                .setSourceIdentity(upn).setTargetId("t-" + id).setAction(action).setStatus(status)
                .setStatusReason(status == LogStatus.FAILURE ? "target answered 400" : null).setDurationMs(12).build();
    }

    @Test
    void printsTheEntriesThatMatchTheFilters() throws Exception {
        String bootstrap = SharedLocalKafkaBroker.bootstrapServers();
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", bootstrap), List.of(Topics.provisioningLog()), Duration.ofSeconds(30));
        Map<String, Object> serde = Map.of("schema.registry.url", "mock://log-command-test");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serde, false);
        Map<String, Object> producerConfig = new HashMap<>(serde);
        producerConfig.put("bootstrap.servers", bootstrap);
        try (var producer = new KafkaProducer<String, Object>(producerConfig, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.PROVISIONING_LOG, "user/1", entry("1", "ada@example.com", LogAction.CREATE, LogStatus.SUCCESS))).get();
            producer.send(new ProducerRecord<>(Topics.PROVISIONING_LOG, "user/2", entry("2", "zoë@example.com", LogAction.UPDATE, LogStatus.FAILURE))).get();
            producer.send(new ProducerRecord<>(Topics.PROVISIONING_LOG, "user/1", entry("3", "ada@example.com", LogAction.DISABLE, LogStatus.SUCCESS))).get();
        }

        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ScimflowCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("log", "--user", "ADA@", "--status", "success", "--bootstrap-servers", bootstrap,
                "--schema-registry-url", "mock://log-command-test");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("SUCCESS", "CREATE", "ada@example.com -> t-1");
        assertThat(lines.get(1)).contains("SUCCESS", "DISABLE", "ada@example.com");
        assertThat(lines.get(2)).isEqualTo("2 entries");
    }
}
