package io.scimflow.sink;

import java.util.ArrayList;
import java.util.List;

import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.sink.support.Journal;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.LocalMiroSinkTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups (Miro teams) over real HTTP against the local Miro server and the real broker. */
class GroupProvisioningIntegrationTests extends LocalMiroSinkTestBase {

    private List<String> createUsers(String prefix, int count) {
        List<String> sourceIds = new ArrayList<>();
        List<ProvisioningOperation> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sourceIds.add(prefix + i);
            ops.add(Ops.upsertUser(prefix + i, prefix + i + "@corp.com", "User " + i).build());
        }
        harness.send(ops.toArray(ProvisioningOperation[]::new));
        ops.forEach(harness::awaitEntry);
        return sourceIds;
    }

    private String userId(String sourceId) {
        return server.userByUserName(sourceId + "@corp.com").orElseThrow().id();
    }

    @Test
    void addsAndRemovesMembersInBatchesBelow500Bytes() {
        String teamId = server.seedTeam("Design");
        startSink();
        List<String> members = createUsers("d", 15);
        server.clearJournal();

        ProvisioningOperation add = Ops.addMembers("g1", "Design", members).build();
        harness.send(add);
        ProvisioningLogEntry added = harness.awaitEntry(add);
        assertThat(added.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.team(teamId).orElseThrow().memberIds()).containsAll(members.stream().map(this::userId).toList());
        List<JournalEntry> patches = Journal.of(server, "PATCH /Groups/{id}");
        assertThat(patches).hasSizeGreaterThan(1);
        assertThat(patches).allSatisfy(p -> {
            assertThat(p.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(500);
            assertThat(p.requestBody()).contains("\"op\":\"add\"").contains("\"path\":\"members\"");
            assertThat(p.status()).isBetween(200, 204);
        });
        assertThat(Journal.of(server, "GET /Groups")).hasSizeLessThanOrEqualTo(1);

        server.clearJournal();
        List<String> leaving = members.subList(0, 8);
        ProvisioningOperation remove = Ops.removeMembers("g1", "Design", leaving).build();
        harness.send(remove);
        assertThat(harness.awaitEntry(remove).getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.team(teamId).orElseThrow().memberIds()).doesNotContainAnyElementsOf(leaving.stream().map(this::userId).toList())
                .containsAll(members.subList(8, 15).stream().map(this::userId).toList());
        List<JournalEntry> removals = Journal.of(server, "PATCH /Groups/{id}");
        assertThat(removals).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(500);
            assertThat(p.requestBody()).contains("\"op\":\"remove\"").contains("members[value eq \\\"");
        });
        assertThat(Journal.of(server, "GET /Groups")).isEmpty();

        // The same membership operations again change nothing and send nothing.
        server.clearJournal();
        ProvisioningOperation addAgain = Ops.addMembers("g1", "Design", members.subList(8, 15)).build();
        harness.send(addAgain);
        assertThat(harness.awaitEntry(addAgain).getStatusReason()).isEqualTo("Skipped, no change");
        assertThat(Journal.writes(server)).isEmpty();
    }

    @Test
    void groupCreateAndDeleteAreDroppedAndNeverSent() {
        String salesId = server.seedTeam("Sales");
        startSink();
        // Built in the order they happen: the replay guard skips an operation older than one applied.
        ProvisioningOperation salesExists = Ops.upsertGroup("g-sales", "Sales").build();
        ProvisioningOperation create = Ops.upsertGroup("g-new", "Ghost Team").build();
        ProvisioningOperation delete = Ops.deleteGroup("g-sales", "Sales").build();
        harness.send(salesExists);
        harness.send(create, delete);
        ProvisioningLogEntry dropped = harness.awaitEntry(create);
        assertThat(dropped.getStatus()).isEqualTo(LogStatus.DROPPED);
        assertThat(dropped.getStatusReason()).contains("cannot create groups");
        ProvisioningLogEntry deleteEntry = harness.awaitEntry(delete);
        assertThat(deleteEntry.getStatus()).isEqualTo(LogStatus.DROPPED);
        assertThat(deleteEntry.getStatusReason()).contains("cannot delete groups");
        assertThat(server.journal()).noneMatch(e -> e.endpoint().startsWith("POST /Groups") || e.endpoint().startsWith("DELETE /Groups"));
        assertThat(server.team(salesId)).isPresent();
        assertThat(server.teamByName("Ghost Team")).isEmpty();
    }

    @Test
    void membershipOfAnUnknownGroupIsSkippedWithTheReason() {
        startSink();
        createUsers("k", 1);
        ProvisioningOperation add = Ops.addMembers("g-unknown", "No Such Team", List.of("k0")).build();
        harness.send(add);
        ProvisioningLogEntry entry = harness.awaitEntry(add);
        assertThat(entry.getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(entry.getStatusReason()).contains("\"No Such Team\" does not exist on the target");
        assertThat(Journal.of(server, "PATCH /Groups/{id}")).isEmpty();
    }

    @Test
    void membershipThatArrivesBeforeItsUserEndsWithTheUserInTheGroup() {
        String opsTeam = server.seedTeam("Operations");
        startSink();
        ProvisioningOperation group = Ops.upsertGroup("g-ops", "Operations").build();
        ProvisioningOperation early = Ops.addMembers("g-ops", "Operations", List.of("late-user")).build();
        harness.send(group, early);
        ProvisioningLogEntry skipped = harness.awaitEntry(early);
        assertThat(skipped.getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(skipped.getStatusReason()).contains("not provisioned yet");

        ProvisioningOperation user = Ops.upsertUser("late-user", "late@corp.com", "Late").memberOf("g-ops").build();
        harness.send(user);
        ProvisioningLogEntry created = harness.awaitEntry(user);
        assertThat(created.getStatus()).isEqualTo(LogStatus.SUCCESS);
        String lateId = server.userByUserName("late@corp.com").orElseThrow().id();
        assertThat(server.team(opsTeam).orElseThrow().memberIds()).contains(lateId);
        assertThat(created.getModifiedProperties()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("memberOf"));
    }

    @Test
    void aUserCreatedAfterItsSkippedMembershipEndsInTheTeamFoundByName() {
        String sales = server.seedTeam("Sales");
        String marketing = server.seedTeam("Marketing");
        startSink();
        // The membership comes first and is skipped: u is not provisioned yet. No UPSERT_GROUP for the team at all.
        ProvisioningOperation early = Ops.addMembers("g-sales", "Sales", List.of("u-sales")).groupNames(java.util.Map.of("g-sales", "Sales"))
                .build();
        harness.send(early);
        ProvisioningLogEntry skipped = harness.awaitEntry(early);
        assertThat(skipped.getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(server.team(sales).orElseThrow().memberIds()).isEmpty();

        ProvisioningOperation user = Ops.upsertUser("u-sales", "sam@corp.com", "Sam").memberOf("g-sales")
                .groupNames(java.util.Map.of("g-sales", "Sales")).build();
        // A team the pipeline never saw any operation for: found by its name only.
        ProvisioningOperation other = Ops.upsertUser("u-mkt", "mia@corp.com", "Mia").memberOf("g-mkt")
                .groupNames(java.util.Map.of("g-mkt", "Marketing")).build();
        harness.send(user, other);
        assertThat(harness.awaitEntry(user).getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(harness.awaitEntry(other).getModifiedProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("memberOf");
            assertThat(p.getNewValue()).isEqualTo("Marketing");
        });
        assertThat(server.team(sales).orElseThrow().memberIds()).containsExactly(userId("sam"));
        assertThat(server.team(marketing).orElseThrow().memberIds()).containsExactly(userId("mia"));
        assertThat(Journal.of(server, "POST /Groups")).isEmpty();
    }
}
