package io.scimflow.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scimflow.events.log.LogStatus;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.sink.support.Journal;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.SinkHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances in one consumer group share the partitions and resolve each other's links. */
class ScaleOutIntegrationTests {

    LocalMiroScimServer server;
    SinkHarness harness;

    @BeforeEach
    void setUp() {
        server = LocalMiroScimServer.start(MiroServerSettings.defaults());
        harness = new SinkHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
        server.close();
    }

    @Test
    void twoInstancesShareTheWorkAndResolveMembersLinkedByTheOther() {
        String teamId = server.seedTeam("Scale");
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        harness.start(properties);
        harness.start(properties);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> harness.sinkOf(0).status().assignedPartitions() > 0
                && harness.sinkOf(1).status().assignedPartitions() > 0
                && harness.sinkOf(0).status().assignedPartitions() + harness.sinkOf(1).status().assignedPartitions() == 6);

        List<ProvisioningOperation> users = new ArrayList<>();
        List<String> sourceIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sourceIds.add("s" + i);
            users.add(Ops.upsertUser("s" + i, "s" + i + "@corp.com", "Scale " + i).build());
        }
        harness.send(users.toArray(ProvisioningOperation[]::new));
        users.forEach(harness::awaitEntry);
        ProvisioningOperation members = Ops.addMembers("gs", "Scale", sourceIds).build();
        harness.send(members);
        assertThat(harness.awaitEntry(members).getStatus()).isEqualTo(LogStatus.SUCCESS);

        assertThat(server.team(teamId).orElseThrow().memberIds()).containsAll(
                sourceIds.stream().map(s -> server.userByUserName(s + "@corp.com").orElseThrow().id()).toList());
        assertThat(Journal.of(server, "POST /Users")).hasSize(12);
        assertThat(harness.log()).extracting(e -> e.getRunId()).containsOnly(harness.sinkOf(0).runId(), harness.sinkOf(1).runId())
                .contains(harness.sinkOf(0).runId(), harness.sinkOf(1).runId());
    }
}
