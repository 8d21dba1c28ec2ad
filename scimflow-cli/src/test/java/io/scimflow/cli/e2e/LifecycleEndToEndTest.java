package io.scimflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scimflow.cli.local.LocalPipeline;
import io.scimflow.cli.local.LocalPipelineSettings;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.TeamSnapshot;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.miroserver.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline — real broker, producer on a local directory, worker with the Miro
 * configuration (plus a scoping filter), sink, local Miro-compatible server — driven
 * through the directory's HTTP API the way an administrator would, asserting what "Miro"
 * ends up with, the requests it received, and the provisioning log. The steps build on
 * each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleEndToEndTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private LocalPipeline pipeline;
    private LocalMiroScimServer miro;
    private DirectoryApi api;

    @BeforeAll
    void startThePipeline() throws Exception {
        Path directory = dir.resolve("directory.yaml");
        try (InputStream in = getClass().getResourceAsStream("/e2e/lifecycle-directory.yaml")) {
            Files.copy(in, directory);
        }
        pipeline = LocalPipeline.start(LocalPipelineSettings.forTests()
                .withDataDir(dir.resolve("data"))
                .withDirectoryFile(directory)
                .withTeams(List.of("Sales", "Marketing", "Engineering"))
                .withWorkerProperty("scimflow.worker.app-config", "classpath:apps/miro-e2e.yaml"));
        miro = pipeline.miro();
        api = new DirectoryApi(pipeline.directoryApiUrl());
        pipeline.awaitIdle(Duration.ofSeconds(2), PATIENCE);
    }

    @AfterAll
    void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void theInitialSyncProvisionsExactlyTheUsersInScope() {
        assertThat(miro.users()).extracting(UserSnapshot::userName).containsExactlyInAnyOrder(
                "ada@contoso.example",   // assigned directly
                "bob@contoso.example",   // assigned through the Sales group
                "eve@contoso.example", "fay@contoso.example", "gus@contoso.example", "hal@contoso.example");
        // cleo: Default Access only; dan: fails the scoping filter; ivy: only in a group nested in an assigned group.
        UserSnapshot ada = user("ada@contoso.example");
        assertThat(ada.active()).isTrue();
        assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
        assertThat(department(ada)).isEqualTo("Engineering");
        assertThat(ada.roles()).first().isEqualTo("ORGANIZATION_INTERNAL_USER");
        assertThat(team("Sales").memberIds()).containsExactly(user("bob@contoso.example").id());
        // The log entry is written after the target's change: wait for it as for the change.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(logFor("u-ada")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(LogAction.CREATE);
            assertThat(e.getStatus()).isEqualTo(LogStatus.SUCCESS);
            assertThat(e.getTargetId()).isEqualTo(ada.id());
        }));
        assertThat(miro.journal()).filteredOn(j -> j.method().equals("POST") && j.path().endsWith("/Users"))
                .hasSize(6).allSatisfy(j -> assertThat(j.status()).isEqualTo(201));
    }

    @Test
    @Order(2)
    void anAttributeChangeSendsOnlyThatAttribute() {
        miro.clearJournal();
        api.patchUser("u-ada", "{\"department\":\"Research\"}");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(department(user("ada@contoso.example"))).isEqualTo("Research"));
        List<JournalEntry> writes = writes();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).method()).isEqualTo("PATCH");
        assertThat(writes.get(0).path()).endsWith("/Users/" + user("ada@contoso.example").id());
        assertThat(writes.get(0).requestBody()).contains("Research").doesNotContain("Lovelace");
    }

    @Test
    @Order(3)
    void aRoleChangeReachesMiro() {
        api.call("PUT", "/api/users/u-ada/app-roles/ORGANIZATION_INTERNAL_ADMIN", null);
        api.call("DELETE", "/api/users/u-ada/app-roles/ORGANIZATION_INTERNAL_USER", null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            UserSnapshot ada = user("ada@contoso.example");
            assertThat(ada.roles()).first().isEqualTo("ORGANIZATION_INTERNAL_ADMIN");
            assertThat(ada.active()).isTrue();
        });
    }

    @Test
    @Order(4)
    void theScopingFilterBringsUsersInAndTakesThemOut() {
        api.patchUser("u-dan", "{\"department\":\"Engineering\"}");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(find("dan@contoso.example")).hasValueSatisfying(
                dan -> assertThat(dan.active()).isTrue()));

        api.patchUser("u-dan", "{\"department\":\"Contractors\"}");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(user("dan@contoso.example").active()).isFalse());
    }

    @Test
    @Order(5)
    void unassignedBlockedAndSoftDeletedUsersAreDisabledAndARestoredOneComesBack() {
        api.call("DELETE", "/api/users/u-eve/app-roles/ORGANIZATION_INTERNAL_USER", null);
        api.patchUser("u-fay", "{\"accountEnabled\":false}");
        api.call("DELETE", "/api/users/u-gus?mode=soft", null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(user("eve@contoso.example").active()).as("unassigned").isFalse();
            assertThat(user("fay@contoso.example").active()).as("sign-in blocked").isFalse();
            assertThat(user("gus@contoso.example").active()).as("soft-deleted").isFalse();
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(logFor("u-eve")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(LogAction.DISABLE);
            assertThat(e.getStatus()).isEqualTo(LogStatus.SUCCESS);
        }));

        api.call("POST", "/api/users/u-gus/restore", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(user("gus@contoso.example").active()).as("restored").isTrue());
    }

    @Test
    @Order(6)
    void aHardDeletedUserIsDeleted() {
        String halId = user("hal@contoso.example").id();
        api.call("DELETE", "/api/users/u-hal?mode=hard", null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(find("hal@contoso.example")).isEmpty());
        assertThat(miro.journal()).anySatisfy(j -> {
            assertThat(j.method()).isEqualTo("DELETE");
            assertThat(j.path()).endsWith("/Users/" + halId);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(logFor("u-hal")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(LogAction.DELETE);
            assertThat(e.getStatus()).isEqualTo(LogStatus.SUCCESS);
        }));
    }

    @Test
    @Order(7)
    void membersAreAddedToAndRemovedFromAnExistingTeam() {
        String adaId = user("ada@contoso.example").id();
        api.call("PUT", "/api/groups/g-marketing/members/u-ada", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(team("Marketing").memberIds()).containsExactly(adaId));

        api.call("DELETE", "/api/groups/g-marketing/members/u-ada", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(team("Marketing").memberIds()).isEmpty());
    }

    @Test
    @Order(8)
    void aGroupCreatedAndDeletedInTheDirectoryIsDroppedAndNeverSent() {
        int teamsBefore = miro.teams().size();
        api.call("POST", "/api/groups", "{\"id\":\"g-new\",\"displayName\":\"Brand New Team\"}");
        api.call("PUT", "/api/groups/g-new/app-roles/ORGANIZATION_INTERNAL_USER", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(logFor("g-new"))
                .anySatisfy(e -> assertThat(e.getStatus()).isEqualTo(LogStatus.DROPPED)));

        api.call("DELETE", "/api/groups/g-new?mode=hard", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(logFor("g-new"))
                .filteredOn(e -> e.getStatus() == LogStatus.DROPPED).hasSizeGreaterThanOrEqualTo(2));

        assertThat(miro.teams()).hasSize(teamsBefore);
        assertThat(miro.journal()).noneSatisfy(j -> {
            assertThat(j.path()).endsWith("/Groups");
            assertThat(j.method()).isEqualTo("POST");
        });
        assertThat(miro.journal()).noneSatisfy(j -> {
            assertThat(j.path()).contains("/Groups/");
            assertThat(j.method()).isEqualTo("DELETE");
        });
        assertThat(logFor("g-new")).filteredOn(e -> e.getStatus() == LogStatus.DROPPED)
                .allSatisfy(e -> assertThat(e.getStatusReason()).isNotBlank());
    }

    // ---------------------------------------------------------------- helpers

    private List<JournalEntry> writes() {
        return miro.journal().stream().filter(j -> !j.method().equals("GET")).toList();
    }

    private List<ProvisioningLogEntry> logFor(String sourceId) {
        return pipeline.provisioningLog().entries().stream().filter(e -> e.getSourceId().equals(sourceId)).toList();
    }

    private Optional<UserSnapshot> find(String userName) {
        return miro.userByUserName(userName);
    }

    private UserSnapshot user(String userName) {
        return find(userName).orElseThrow(() -> new AssertionError("no Miro user " + userName));
    }

    private TeamSnapshot team(String name) {
        return miro.teamByName(name).orElseThrow(() -> new AssertionError("no Miro team " + name));
    }

    @SuppressWarnings("unchecked")
    private static String department(UserSnapshot user) {
        Object extension = user.attributes().get(ENTERPRISE);
        return extension instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("department") : null;
    }

    static void copy(String resource, Path to) throws IOException {
        try (InputStream in = LifecycleEndToEndTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }
}
