package io.scimflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {

    private final String bootstrap = SharedLocalKafkaBroker.bootstrapServers();
    private String topic;
    private String group;

    @BeforeEach
    void tenRecordsConsumedByAGroup() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 6);
        topic = "replay-" + id;
        group = "group-" + id;
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", bootstrap),
                List.of(new TopicSpec(topic, 2, (short) 1, Map.of())), Duration.ofSeconds(30));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i)).get();
            }
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.alterConsumerGroupOffsets(group, Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(5),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(4))).all().get();
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ScimflowCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--bootstrap-servers=" + bootstrap;
        int exit = cli.execute(all);
        return new Result(exit, out.toString());
    }

    private record Result(int exit, String output) {
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    @Test
    void aDryRunShowsTheLagAndChangesNothing() throws Exception {
        Result result = run("--group", group, "--topic", topic, "--to-earliest", "--dry-run");

        assertThat(result.exit()).isZero();
        assertThat(result.output()).contains("lag now 1, lag after the reset 10").contains("Dry run");
        assertThat(committed().get(new TopicPartition(topic, 0)).offset()).isEqualTo(5);
    }

    @Test
    void resetsToTheBeginningOrToExplicitOffsets() throws Exception {
        assertThat(run("--group", group, "--topic", topic, "--to-earliest").exit()).isZero();
        assertThat(committed().values()).extracting(OffsetAndMetadata::offset).containsOnly(0L);

        Result explicit = run("--group", group, "--topic", topic, "--to-offset", topic + ":0=2," + topic + ":1=3");
        assertThat(explicit.exit()).isZero();
        assertThat(committed().get(new TopicPartition(topic, 0)).offset()).isEqualTo(2);
        assertThat(committed().get(new TopicPartition(topic, 1)).offset()).isEqualTo(3);
    }

    @Test
    void refusesWhileTheGroupHasActiveMembers() throws Exception {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "group.id", group),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            Result result = run("--group", group, "--topic", topic, "--to-earliest");

            assertThat(result.exit()).isNotZero();
            assertThat(result.output()).contains("active member");
        }
        assertThat(committed().get(new TopicPartition(topic, 0)).offset()).isEqualTo(5);
    }
}
