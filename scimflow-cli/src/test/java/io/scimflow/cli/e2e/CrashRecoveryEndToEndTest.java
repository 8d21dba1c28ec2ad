package io.scimflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.scimflow.cli.local.LocalPipeline;
import io.scimflow.cli.local.LocalPipelineSettings;
import io.scimflow.cli.local.RunningApp;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.producer.local.SyntheticDirectory;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink runs in its own JVM and is killed (SIGKILL) in the middle of the initial sync,
 * then started again: the target ends complete, with every user exactly once.
 */
class CrashRecoveryEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    @Test
    void aSinkKilledMidSyncResumesWithoutLossOrDuplicates() throws Exception {
        Path directory = dir.resolve("directory.yaml");
        SyntheticDirectory.write(directory, 150, 6, 11L);
        LocalPipelineSettings settings = LocalPipelineSettings.forTests()
                .withDataDir(dir.resolve("data")).withDirectoryFile(directory).withChildProcesses(true)
                .withMiro(MiroServerSettings.builder().port(0).rateLimitsEnabled(false).addedLatency(Duration.ofMillis(40)).build())
                .withSinkProperty("scimflow.sink.concurrency", "4");
        try (LocalPipeline pipeline = LocalPipeline.start(settings)) {
            await().atMost(PATIENCE).until(() -> pipeline.miro().users().size() >= 15);
            RunningApp sink = pipeline.sinks().get(0);
            pipeline.stop(sink, true);
            int atCrash = pipeline.miro().users().size();

            pipeline.startSink();
            pipeline.awaitIdle(Duration.ofSeconds(3), PATIENCE);

            Set<String> expected = userNamesToProvision(pipeline);
            assertThat(expected.size()).as("the crash happened mid-sync").isGreaterThan(atCrash);
            List<UserSnapshot> users = pipeline.miro().users();
            assertThat(users).extracting(u -> u.userName().toLowerCase()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(pipeline.miro().journal()).filteredOn(j -> j.method().equals("POST") && j.path().endsWith("/Users") && j.status() == 201)
                    .as("each user created once").hasSize(users.size());
        }
    }

    /** The userNames of the users whose latest operation is an upsert: what the target must hold. */
    private static Set<String> userNamesToProvision(LocalPipeline pipeline) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(pipeline.remoteSerdeConfig(), false);
        Map<String, ProvisioningOperation> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", pipeline.broker().bootstrapServers()),
                new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.PROVISIONING_OPERATIONS).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof ProvisioningOperation op && record.key().startsWith("user/")) {
                        latest.put(record.key(), op);
                    }
                }
            }
        }
        Set<String> userNames = new TreeSet<>();
        for (ProvisioningOperation op : latest.values()) {
            if (op.getAction() == OperationAction.UPSERT_USER) {
                op.getMatchingAttributes().stream().filter(m -> m.getPath().equals("userName"))
                        .forEach(m -> userNames.add(m.getValue().toLowerCase()));
            }
        }
        return userNames;
    }
}
