package io.scimflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.scimflow.cli.local.LocalPipeline;
import io.scimflow.cli.local.LocalPipelineSettings;
import io.scimflow.cli.local.RunningApp;
import io.scimflow.cli.replay.ConsumerGroupReset;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery by replay, Entra's "restart provisioning": after a history of changes, reset the
 * worker and the sink to the beginning of their topics and replay everything. The target
 * ends identical and receives no write request.
 */
class ReplayEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void replayingEverythingChangesNothingOnTheTarget() throws Exception {
        Path directory = dir.resolve("directory.yaml");
        try (InputStream in = getClass().getResourceAsStream("/e2e/lifecycle-directory.yaml")) {
            Files.copy(in, directory);
        }
        try (LocalPipeline pipeline = LocalPipeline.start(LocalPipelineSettings.forTests()
                .withDataDir(dir.resolve("data")).withDirectoryFile(directory)
                .withTeams(List.of("Sales", "Marketing", "Engineering"))
                .withWorkerProperty("scimflow.worker.app-config", "classpath:apps/miro-e2e.yaml"))) {
            DirectoryApi api = new DirectoryApi(pipeline.directoryApiUrl());
            pipeline.awaitIdle(Duration.ofSeconds(2), PATIENCE);
            // A history with flips: attribute changes, a disable and a re-enable, a membership added and removed.
            api.patchUser("u-ada", "{\"department\":\"Research\"}");
            api.patchUser("u-ada", "{\"department\":\"Design\"}");
            api.patchUser("u-eve", "{\"accountEnabled\":false}");
            api.patchUser("u-eve", "{\"accountEnabled\":true}");
            api.patchUser("u-fay", "{\"accountEnabled\":false}");
            api.call("PUT", "/api/groups/g-marketing/members/u-ada", null);
            api.call("PUT", "/api/groups/g-marketing/members/u-gus", null);
            api.call("DELETE", "/api/groups/g-marketing/members/u-gus", null);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(pipeline.miro().userByUserName("fay@contoso.example")).hasValueSatisfying(u -> assertThat(u.active()).isFalse()));
            pipeline.awaitIdle(Duration.ofSeconds(2), PATIENCE);
            Map<String, Object> before = PipelineState.of(pipeline.miro());

            for (RunningApp app : List.copyOf(pipeline.workers())) {
                pipeline.stop(app, false);
            }
            for (RunningApp app : List.copyOf(pipeline.sinks())) {
                pipeline.stop(app, false);
            }
            try (Admin admin = Admin.create(pipeline.adminConfig())) {
                ConsumerGroupReset reset = new ConsumerGroupReset(admin);
                reset.apply(reset.plan(LocalPipeline.WORKER_GROUP,
                        List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS),
                        new ConsumerGroupReset.ToEarliest()));
                reset.apply(reset.plan(LocalPipeline.SINK_GROUP, List.of(Topics.PROVISIONING_OPERATIONS),
                        new ConsumerGroupReset.ToEarliest()));
            }
            int entriesBefore = pipeline.provisioningLog().entries().size();
            pipeline.miro().clearJournal();

            pipeline.startWorker();
            pipeline.startSink();
            await().atMost(PATIENCE).until(() -> pipeline.provisioningLog().entries().size() > entriesBefore);
            pipeline.awaitIdle(Duration.ofSeconds(3), PATIENCE);

            assertThat(PipelineState.of(pipeline.miro())).isEqualTo(before);
            assertThat(PipelineState.writes(pipeline.miro())).as("write requests during the replay").isEmpty();
        }
    }
}
