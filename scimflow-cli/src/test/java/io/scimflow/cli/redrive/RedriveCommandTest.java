package io.scimflow.cli.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.cli.support.CliRun;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedriveCommandTest {

    private final String bootstrap = SharedLocalKafkaBroker.bootstrapServers();
    private String dlt;
    private String original;

    @BeforeEach
    void twoParkedRecords() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        dlt = "dlt-" + id;
        original = "operations-" + id;
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", bootstrap), List.of(
                new TopicSpec(dlt, 1, (short) 1, Map.of()), new TopicSpec(original, 2, (short) 1, Map.of())), Duration.ofSeconds(30));
        park("user/u1", "v1", original, "SCIM_400_invalidValue: bad userName");
        park("user/u2", "v2", original, "TIMEOUT: no answer");
    }

    private void park(String key, String value, String originalTopic, String reason) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "keep-me".getBytes(StandardCharsets.UTF_8));
        if (originalTopic != null) {
            headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.PARKED_BY, "scim-sink".getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(dlt, null, key, value, headers)).get();
        }
    }

    private CliRun.Result redrive(String... more) {
        List<String> args = new ArrayList<>(List.of("redrive", "--from", dlt, "--allow-any-topic", "--bootstrap-servers", bootstrap));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private List<ConsumerRecord<String, String>> readOriginal() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(original, 0), new TopicPartition(original, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> progress() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listConsumerGroupOffsets(dlt + "-redrive").partitionsToOffsetAndMetadata().get();
        }
    }

    @Test
    void aDryRunListsTheParkedRecordsWithTheirReasonsAndChangesNothing() throws Exception {
        CliRun.Result result = redrive("--dry-run");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("would redrive 0@0 key=user/u1 -> " + original + " (parked by scim-sink, redriven 0 time(s) before): SCIM_400_invalidValue: bad userName")
                .contains("would redrive 0@1 key=user/u2").contains("Dry run: 2 record(s) waiting on " + dlt);
        assertThat(readOriginal()).isEmpty();
        assertThat(progress()).isEmpty();
    }

    @Test
    void aRedriveSendsEveryRecordBackOnceWithCleanHeaders() throws Exception {
        CliRun.Result first = redrive();
        CliRun.Result second = redrive();

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("Redrove 2 record(s) from " + dlt + ": {" + original + "=2}");
        assertThat(second.out()).contains("Redrove 0 record(s)");
        List<ConsumerRecord<String, String>> back = readOriginal();
        assertThat(back).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("user/u1", "user/u2");
        ConsumerRecord<String, String> u1 = back.stream().filter(r -> r.key().equals("user/u1")).findFirst().orElseThrow();
        assertThat(u1.value()).isEqualTo("v1");
        assertThat(u1.headers().toArray()).extracting(Header::key).containsExactly("trace", DeadLetterHeaders.REDRIVE_COUNT);
        assertThat(ByteBuffer.wrap(u1.headers().lastHeader(DeadLetterHeaders.REDRIVE_COUNT).value()).getInt()).isEqualTo(1);
        assertThat(progress().get(new TopicPartition(dlt, 0)).offset()).isEqualTo(2);
    }

    @Test
    void aKeyRedrivesOnlyThatObjectAndMovesNoProgress() throws Exception {
        CliRun.Result result = redrive("--key", "user/u2");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Redrove 1 record(s) from " + dlt + " with key user/u2");
        assertThat(readOriginal()).extracting(ConsumerRecord::key).containsExactly("user/u2");
        assertThat(progress()).isEmpty();
    }

    @Test
    void aRecordWithoutItsOriginalTopicIsReportedNotLost() throws Exception {
        park("user/u3", "v3", null, "UNDECODABLE: not Avro");

        CliRun.Result result = redrive();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("cannot redrive 0@2: no kafka_dlt-original-topic header");
        assertThat(readOriginal()).hasSize(2);
        assertThat(progress().get(new TopicPartition(dlt, 0)).offset()).isEqualTo(2);
    }

    @Test
    void onlyTheTwoDeadLetterTopicsAreAcceptedByDefault() {
        CliRun.Result result = CliRun.run("redrive", "--from", "provisioning.operations", "--bootstrap-servers", bootstrap);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown dead-letter topic 'provisioning.operations'")
                .contains("scim-sink.dlt").contains("provisioning-worker.dlt");
    }

    @Test
    void aMissingTopicIsExplained() {
        CliRun.Result result = CliRun.run("redrive", "--from", "no-such-dlt-" + UUID.randomUUID(), "--allow-any-topic",
                "--bootstrap-servers", bootstrap);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("does not exist");
    }
}
