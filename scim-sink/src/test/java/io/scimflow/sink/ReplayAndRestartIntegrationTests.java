package io.scimflow.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.sink.support.Journal;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.LocalMiroSinkTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays and restarts: idempotent effects, links reloaded from their topic. */
class ReplayAndRestartIntegrationTests extends LocalMiroSinkTestBase {

    @Test
    void replayingTheSameOperationsSendsNoWriteRequests() {
        String teamId = server.seedTeam("Replay Team");
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        ConfigurableApplicationContext first = harness.start(properties);
        List<ProvisioningOperation> ops = new ArrayList<>();
        ops.add(Ops.upsertUser("p0", "p0@corp.com", "P Zero").build());
        ops.add(Ops.upsertUser("p1", "p1@corp.com", "P One").manager("p0").build());
        ops.add(Ops.upsertUser("p2", "p2@corp.com", "P Two").build());
        // Disabled through its upsert (active=false), then disabled again: both agree, so a replay changes nothing.
        ops.add(Ops.upsertUser("p3", "p3@corp.com", "P Three").attr("active", false).build());
        ops.add(Ops.upsertGroup("rg", "Replay Team").build());
        for (ProvisioningOperation op : ops) {
            harness.send(op);
            harness.awaitEntry(op);
        }
        ProvisioningOperation members = Ops.addMembers("rg", "Replay Team", List.of("p0", "p1", "p2")).build();
        ProvisioningOperation disable = Ops.disableUser("p3").build();
        harness.send(members, disable);
        harness.awaitEntry(members);
        harness.awaitEntry(disable);
        assertThat(server.team(teamId).orElseThrow().memberIds()).hasSize(3);
        harness.stop(first);

        // Replay: a new consumer group reads the whole topic again; links come back from their topic.
        server.clearJournal();
        properties.put("spring.kafka.consumer.group-id", "replay-" + System.nanoTime());
        harness.start(properties);
        Map<String, ProvisioningLogEntry> entries = harness.awaitLog(2 * 7);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(7);
        assertThat(Journal.writes(server)).isEmpty();
        assertThat(Journal.lookups(server)).isEmpty();
        String replayRun = harness.sinkOf(0).runId();
        assertThat(harness.log()).filteredOn(e -> e.getRunId().equals(replayRun)).hasSize(7)
                .allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(LogStatus.SKIPPED));
    }

    @Test
    void afterARestartAnUnassignedUserIsDisabledWithoutLookupAndANeverLinkedAccountIsLeftAlone() {
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        ConfigurableApplicationContext first = harness.start(properties);
        ProvisioningOperation create = Ops.upsertUser("s1", "stay@corp.com", "Stay").build();
        harness.send(create);
        harness.awaitEntry(create);
        harness.stop(first);

        String outsider = server.seedUser("outsider@corp.com");
        server.clearJournal();
        harness.start(properties);
        ProvisioningOperation disable = Ops.disableUser("s1").build();
        ProvisioningOperation disableOutsider = Ops.disableUser("outsider-source-id").build();
        ProvisioningOperation deleteOutsider = Ops.deleteUser("outsider-source-id").build();
        harness.send(disable, disableOutsider, deleteOutsider);
        assertThat(harness.awaitEntry(disable).getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(harness.awaitEntry(disableOutsider).getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(harness.awaitEntry(deleteOutsider).getStatusReason()).contains("never linked");

        assertThat(server.userByUserName("stay@corp.com").orElseThrow().active()).isFalse();
        assertThat(Journal.lookups(server)).isEmpty();
        assertThat(server.journal()).noneMatch(e -> e.path().contains(outsider));
        assertThat(server.user(outsider).orElseThrow().active()).isTrue();
    }

    @Test
    void replayingAHistoryWithFlipsSendsNoWriteRequestAndLeavesTheTargetAsItWas() {
        String teamId = server.seedTeam("Flip Team");
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        ConfigurableApplicationContext first = harness.start(properties);
        java.time.Instant t = java.time.Instant.now().minusSeconds(3600);
        List<ProvisioningOperation> history = List.of(
                // f1: active A, disabled, re-enabled as B
                Ops.upsertUser("f1", "f1@corp.com", "F One A").changedAt(t.plusSeconds(1)).build(),
                Ops.disableUser("f1").changedAt(t.plusSeconds(2)).build(),
                Ops.upsertUser("f1", "f1@corp.com", "F One B").changedAt(t.plusSeconds(3)).build(),
                // f2: A, then B (disabled at the end)
                Ops.upsertUser("f2", "f2@corp.com", "F Two A").changedAt(t.plusSeconds(1)).build(),
                Ops.upsertUser("f2", "f2@corp.com", "F Two B").changedAt(t.plusSeconds(2)).build(),
                // f3: created, then deleted
                Ops.upsertUser("f3", "f3@corp.com", "F Three").changedAt(t.plusSeconds(1)).build(),
                Ops.deleteUser("f3").changedAt(t.plusSeconds(2)).build(),
                // the team: f1 and f2 added, f1 removed, f2 added again (already in)
                Ops.addMembers("fg", "Flip Team", List.of("f1", "f2")).changedAt(t.plusSeconds(5)).build(),
                Ops.removeMembers("fg", "Flip Team", List.of("f1")).changedAt(t.plusSeconds(6)).build(),
                Ops.addMembers("fg", "Flip Team", List.of("f2")).changedAt(t.plusSeconds(7)).build(),
                // f2 disabled last (Miro reactivates a deactivated user added to a team)
                Ops.upsertUser("f2", "f2@corp.com", "F Two B").attr("active", false).changedAt(t.plusSeconds(8)).build(),
                Ops.disableUser("f2").changedAt(t.plusSeconds(9)).build());
        for (ProvisioningOperation op : history) {
            harness.send(op);
            assertThat(harness.awaitEntry(op).getStatus()).isNotEqualTo(LogStatus.FAILURE);
        }
        String finalState = targetState(teamId);
        assertThat(finalState).isEqualTo("f1@corp.com F One B active=true | f2@corp.com F Two B active=false | f3 absent | "
                + "team=[f2@corp.com]");
        harness.stop(first);

        // Reset the sink to the beginning: a new consumer group reads the whole history again; links
        // and their replay marks come back from the links topic.
        server.clearJournal();
        properties.put("spring.kafka.consumer.group-id", "replay-flips-" + System.nanoTime());
        ConfigurableApplicationContext replay = harness.start(properties);
        String replayRun = harness.sinkOf(0).runId();
        List<ProvisioningLogEntry> replayed = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            replayed.clear();
            harness.log().stream().filter(e -> e.getRunId().equals(replayRun)).forEach(replayed::add);
            return replayed.size() >= history.size();
        });
        assertThat(Journal.writes(server)).isEmpty();
        assertThat(targetState(teamId)).isEqualTo(finalState);
        assertThat(replayed).hasSize(history.size()).allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(LogStatus.SKIPPED));
        assertThat(replayed).filteredOn(e -> e.getStatusReason().contains("stale")).hasSize(8);
        harness.stop(replay);

        // A second reset after another restart: the marks are still there.
        server.clearJournal();
        properties.put("spring.kafka.consumer.group-id", "replay-flips-again-" + System.nanoTime());
        harness.start(properties);
        String againRun = harness.sinkOf(0).runId();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> harness.log().stream().filter(e -> e.getRunId().equals(againRun)).count() >= history.size());
        assertThat(Journal.writes(server)).isEmpty();
        assertThat(targetState(teamId)).isEqualTo(finalState);
    }

    private static String targetState(String teamId) {
        StringBuilder state = new StringBuilder();
        for (String userName : List.of("f1@corp.com", "f2@corp.com")) {
            var user = server.userByUserName(userName).orElseThrow();
            state.append(userName).append(' ').append(user.displayName()).append(" active=").append(user.active()).append(" | ");
        }
        state.append(server.userByUserName("f3@corp.com").isPresent() ? "f3 present" : "f3 absent").append(" | team=");
        List<String> members = new ArrayList<>();
        for (String id : server.team(teamId).orElseThrow().memberIds()) {
            members.add(server.user(id).orElseThrow().userName());
        }
        return state.append(members).toString();
    }
}
