package io.scimflow.producer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.publish.DirectorySynchronizer;
import io.scimflow.producer.publish.KafkaEventSink;
import io.scimflow.producer.publish.PublishListener;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.PublishedState;
import io.scimflow.producer.publish.SourceListener;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.producer.publish.TopicStateReader;
import io.scimflow.producer.testing.TestKafka;
import io.scimflow.producer.testing.TestTopics;
import io.scimflow.producer.testing.TopicWatcher;
import io.scimflow.producer.testing.TopicWatcher.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Graph source against the local Graph-compatible server, publishing to the real
 * in-process broker; each test reads back exactly what was published. Polls are run
 * directly (no scheduler), so every step is deterministic.
 */
class GraphDirectorySourceTest {

    static final String REGISTRY = "mock://graph-source-test";
    static final String MEMBER = "r-member";
    static final String ADMIN = "r-admin";

    @TempDir
    Path dir;
    FakeGraphServer graph;
    TopicNames topics;
    KafkaEventSink sink;
    TopicWatcher watcher;
    GraphDirectorySource source;

    @BeforeEach
    void setUp() throws Exception {
        graph = new FakeGraphServer().pageSize(2);
        graph.appRole(MEMBER, "ORGANIZATION_INTERNAL_USER", "Member").appRole(ADMIN, "ORGANIZATION_INTERNAL_ADMIN", "Company Admin");
        graph.putUser("u1", user("zoe", "Zoë Ångström", "Sales"));
        graph.putUser("u2", user("lukasz", "Łukasz Nguyễn", "Sales"));
        graph.putUser("u3", user("jose", "José Ñuñez", "Research"));
        graph.putUser("u4", user("soren", "Søren Müller", "Research"));
        graph.putUser("u5", user("anna", "Anna Smith", "Finance"));
        graph.putGroup("g-sales", Map.of("displayName", "Sales", "securityEnabled", true, "mailEnabled", false));
        graph.putGroup("g-nested", Map.of("displayName", "Sales EMEA", "securityEnabled", true, "mailEnabled", false));
        graph.addMember("g-sales", "u1", false).addMember("g-sales", "u2", false).addMember("g-sales", "g-nested", true);
        graph.addMember("g-nested", "u3", false);
        graph.assign("g-sales", "Group", MEMBER);
        graph.assign("u4", "User", ADMIN);
        graph.assign("u5", "User", AppRole.DEFAULT_ACCESS_ID);

        topics = TestTopics.unique("graph");
        TestKafka.createTopics(topics);
        sink = new KafkaEventSink(TestKafka.producerConfig(REGISTRY), topics);
        watcher = new TopicWatcher(SharedLocalKafkaBroker.bootstrapServers(), REGISTRY, topics);
        source = newSource(new PublishedState(), settings(FakeGraphServer.CLIENT_SECRET));
        source.resume();
    }

    @AfterEach
    void tearDown() {
        watcher.close();
        sink.close();
        graph.close();
    }

    static Map<String, Object> user(String login, String name, String department) {
        Map<String, Object> user = new HashMap<>();
        user.put("userPrincipalName", login + "@contoso.example");
        user.put("displayName", name);
        user.put("department", department);
        user.put("accountEnabled", true);
        user.put("businessPhones", List.of("+1 555 0100"));
        user.put("onPremisesExtensionAttributes", Map.of("extensionAttribute1", "CC-7"));
        return user;
    }

    @Test
    void initialSyncReadsAllPagesAndPublishesTheResolvedDirectory() {
        PublishResult result = source.poll(false);

        assertThat(result.records()).isEqualTo(11);
        List<Published> records = watcher.next(11);
        assertThat(TopicWatcher.summaries(records)).containsExactly(
                "groups/g-nested ACTIVE", "groups/g-sales ACTIVE",
                "memberships/g-nested|u3 present=true", "memberships/g-sales|g-nested present=true",
                "memberships/g-sales|u1 present=true", "memberships/g-sales|u2 present=true",
                "users/u1 ACTIVE", "users/u2 ACTIVE", "users/u3 ACTIVE", "users/u4 ACTIVE", "users/u5 ACTIVE");
        assertThat(userRecord(records, "u1").getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment(MEMBER, "ORGANIZATION_INTERNAL_USER", "Member", "g-sales", "Sales"));
        assertThat(userRecord(records, "u1").getDisplayName()).isEqualTo("Zoë Ångström");
        assertThat(userRecord(records, "u1").getSource()).isEqualTo("graph");
        assertThat(userRecord(records, "u1").getBusinessPhones()).containsExactly("+1 555 0100");
        assertThat(userRecord(records, "u1").getExtensionAttributes()).containsEntry("extensionAttribute1", "CC-7");
        assertThat(userRecord(records, "u3").getAppRoleAssignments()).as("nested group members are out of scope").isEmpty();
        assertThat(userRecord(records, "u3").getGroupIds()).containsExactly("g-nested");
        assertThat(userRecord(records, "u4").getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment(ADMIN, "ORGANIZATION_INTERNAL_ADMIN", "Company Admin", null, null));
        assertThat(userRecord(records, "u5").getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment(AppRole.DEFAULT_ACCESS_ID, null, "Default Access", null, null));
        assertThat(TopicWatcher.of(records, "groups").stream().filter(r -> r.key().equals("g-sales")).findFirst().orElseThrow()
                .group().getAppRoleAssignments()).extracting(AppRoleAssignment::getAppRoleValue).containsExactly("ORGANIZATION_INTERNAL_USER");

        List<String> requests = graph.requests();
        assertThat(requests.get(0)).isEqualTo("POST /" + FakeGraphServer.TENANT + "/oauth2/v2.0/token");
        assertThat(requests).contains("GET /v1.0/users/delta?$select=id,userPrincipalName,mail,mailNickname,givenName,surname,"
                + "displayName,jobTitle,department,companyName,employeeId,employeeType,officeLocation,city,state,country,"
                + "streetAddress,postalCode,usageLocation,preferredLanguage,mobilePhone,businessPhones,otherMails,userType,"
                + "accountEnabled,onPremisesExtensionAttributes,manager");
        assertThat(requests).contains("GET /v1.0/groups/delta?$select=id,displayName,description,mail,mailNickname,mailEnabled,securityEnabled,members");
        assertThat(requests.stream().filter(r -> r.startsWith("GET /v1.0/users/delta?$skiptoken=")).count()).isEqualTo(2);
        assertThat(requests).contains("GET /v1.0/servicePrincipals/sp-miro?$select=id,appRoles",
                "GET /v1.0/servicePrincipals/sp-miro/appRoleAssignedTo", "GET /v1.0/servicePrincipals/sp-miro/appRoleAssignedTo?$skiptoken=2");
        assertThat(DeltaState.load(dir.resolve("graph-delta-state.json")).usersDeltaLink()).contains("$deltatoken=");
    }

    @Test
    void incrementalChangesPublishOnlyWhatChanged() {
        source.poll(false);
        watcher.next(11);
        graph.clearRequests();

        assertThat(source.poll(false).nothing()).isTrue();
        watcher.next(0);
        assertThat(graph.requests()).anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$deltatoken="))
                .noneMatch(r -> r.contains("$select=id,userPrincipalName"));

        Map<String, Object> moved = user("zoe", "Zoë Ångström", "Marketing");
        graph.putUser("u1", moved);
        graph.putUser("u6", user("chloe", "Chloé Dvořák", "Design"));
        source.poll(false);

        List<Published> records = watcher.next(2);
        assertThat(TopicWatcher.summaries(records)).containsExactly("users/u1 ACTIVE", "users/u6 ACTIVE");
        assertThat(userRecord(records, "u1").getDepartment()).isEqualTo("Marketing");
        assertThat(userRecord(records, "u6").getAppRoleAssignments()).isEmpty();
    }

    @Test
    void aManagerIsReadFromTheDeltaChangedAndRemoved() {
        graph.setManager("u2", "u1");
        source.poll(false);
        List<Published> initial = watcher.next(11);
        assertThat(userRecord(initial, "u2").getManagerId()).isEqualTo("u1");
        assertThat(userRecord(initial, "u1").getManagerId()).isNull();

        graph.setManager("u2", "u4");
        source.poll(false);
        List<Published> changed = watcher.next(1);
        assertThat(TopicWatcher.summaries(changed)).containsExactly("users/u2 ACTIVE");
        assertThat(userRecord(changed, "u2").getManagerId()).isEqualTo("u4");

        graph.removeManager("u2");
        source.poll(false);
        List<Published> removed = watcher.next(1);
        assertThat(userRecord(removed, "u2").getManagerId()).isNull();
        assertThat(userRecord(removed, "u2").getDisplayName()).isEqualTo("Łukasz Nguyễn"); // the rest of the user is kept
    }

    @Test
    void softDeleteRestoreAndHardDelete() {
        source.poll(false);
        watcher.next(11);

        graph.softDeleteUser("u4");
        source.poll(false);
        Published soft = watcher.next(1).get(0);
        assertThat(soft.summary()).isEqualTo("users/u4 SOFT_DELETED");
        assertThat(soft.user().getDeletedAt()).isNotNull();
        assertThat(soft.user().getDisplayName()).isEqualTo("Søren Müller");

        graph.restoreUser("u4");
        source.poll(false);
        Published restored = watcher.next(1).get(0);
        assertThat(restored.summary()).isEqualTo("users/u4 ACTIVE");
        assertThat(restored.user().getDeletedAt()).isNull();

        graph.hardDeleteUser("u1");
        source.poll(false);
        List<Published> records = watcher.next(4);
        assertThat(TopicWatcher.byKey(records)).containsExactly(
                "memberships/g-sales|u1 present=false", "memberships/g-sales|u1 tombstone", "users/u1 HARD_DELETED", "users/u1 tombstone");

        graph.softDeleteGroup("g-nested");
        source.poll(false);
        assertThat(watcher.next(1)).extracting(Published::summary).containsExactly("groups/g-nested SOFT_DELETED");
    }

    @Test
    void aUserGainsAndLosesScopeThroughGroupMembership() {
        source.poll(false);
        watcher.next(11);

        graph.addMember("g-sales", "u5", false);
        source.poll(false);
        List<Published> joined = watcher.next(2);
        assertThat(TopicWatcher.summaries(joined)).containsExactly("memberships/g-sales|u5 present=true", "users/u5 ACTIVE");
        assertThat(userRecord(joined, "u5").getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment(AppRole.DEFAULT_ACCESS_ID, null, "Default Access", null, null),
                new AppRoleAssignment(MEMBER, "ORGANIZATION_INTERNAL_USER", "Member", "g-sales", "Sales"));

        graph.removeMember("g-sales", "u2");
        source.poll(false);
        List<Published> left = watcher.next(2);
        assertThat(TopicWatcher.summaries(left)).containsExactly("memberships/g-sales|u2 present=false", "users/u2 ACTIVE");
        assertThat(userRecord(left, "u2").getAppRoleAssignments()).isEmpty();
        assertThat(userRecord(left, "u2").getGroupIds()).isEmpty();
    }

    @Test
    void assignmentsAddedAndRemovedDirectlyAndThroughAGroup() {
        source.poll(false);
        watcher.next(11);

        String direct = graph.assign("u3", "User", MEMBER);
        source.poll(false);
        List<Published> assigned = watcher.next(1);
        assertThat(userRecord(assigned, "u3").getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment(MEMBER, "ORGANIZATION_INTERNAL_USER", "Member", null, null));

        graph.unassign(direct);
        source.poll(false);
        assertThat(userRecord(watcher.next(1), "u3").getAppRoleAssignments()).isEmpty();

        String viaGroup = graph.assign("g-nested", "Group", ADMIN);
        source.poll(false);
        List<Published> groupAssigned = watcher.next(2);
        assertThat(TopicWatcher.summaries(groupAssigned)).containsExactly("groups/g-nested ACTIVE", "users/u3 ACTIVE");
        assertThat(userRecord(groupAssigned, "u3").getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment(ADMIN, "ORGANIZATION_INTERNAL_ADMIN", "Company Admin", "g-nested", "Sales EMEA"));

        graph.unassign(viaGroup);
        source.poll(false);
        List<Published> groupUnassigned = watcher.next(2);
        assertThat(TopicWatcher.summaries(groupUnassigned)).containsExactly("groups/g-nested ACTIVE", "users/u3 ACTIVE");
        assertThat(userRecord(groupUnassigned, "u3").getAppRoleAssignments()).isEmpty();
    }

    @Test
    void anExpiredDeltaTokenLeadsToAFullResyncThatDeletesWhatIsGone() {
        source.poll(false);
        watcher.next(11);

        graph.hardDeleteUser("u5");
        graph.putUser("u2", user("lukasz", "Łukasz Nguyễn", "Support"));
        graph.expireDeltaTokens(FakeGraphServer.Expiry.GONE);
        graph.clearRequests();
        source.poll(false);

        List<Published> records = watcher.next(3);
        assertThat(TopicWatcher.byKey(records)).containsExactly("users/u2 ACTIVE", "users/u5 HARD_DELETED", "users/u5 tombstone");
        assertThat(graph.requests()).anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$deltatoken="))
                .anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$select=id,"));

        graph.putUser("u3", user("jose", "José Ñuñez", "Support"));
        graph.expireDeltaTokens(FakeGraphServer.Expiry.SYNC_STATE_NOT_FOUND);
        source.poll(false);
        assertThat(watcher.next(1)).extracting(Published::summary).containsExactly("users/u3 ACTIVE");
    }

    @Test
    void throttlingAndUnavailabilityAreRetried() {
        graph.throttleNext(2, 1);
        source.poll(false);
        assertThat(watcher.next(11)).hasSize(11);
        assertThat(graph.requests().stream().filter(r -> r.startsWith("GET /v1.0/users/delta?$select=")).count()).isEqualTo(3);

        graph.putUser("u1", user("zoe", "Zoë Ångström", "Legal"));
        graph.failNext(2);
        source.poll(false);
        assertThat(watcher.next(1)).extracting(Published::summary).containsExactly("users/u1 ACTIVE");
    }

    @Test
    void aRestartResumesFromTheStoredDeltaLinkWithoutRepublishing() {
        source.poll(false);
        watcher.next(11);
        source.close();

        PublishedState readBack = TopicStateReader.read(consumerConfig(), topics, Duration.ofSeconds(30));
        GraphDirectorySource restarted = newSource(readBack, settings(FakeGraphServer.CLIENT_SECRET));
        restarted.resume();
        graph.clearRequests();

        assertThat(restarted.poll(false).nothing()).isTrue();
        watcher.next(0);
        assertThat(graph.requests()).anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$deltatoken="))
                .noneMatch(r -> r.startsWith("GET /v1.0/users/delta?$select="));

        graph.removeMember("g-sales", "u1");
        restarted.poll(false);
        assertThat(TopicWatcher.summaries(watcher.next(2))).containsExactly("memberships/g-sales|u1 present=false", "users/u1 ACTIVE");
    }

    @Test
    void aRestartWithOtherSelectedAttributesStartsAFullSyncSoTheNewAttributeReachesEveryUser() {
        graph.setManager("u2", "u1");
        GraphSettings withoutManager = settings(FakeGraphServer.CLIENT_SECRET,
                GraphSettings.DEFAULT_USER_ATTRIBUTES.stream().filter(a -> !a.equals("manager")).toList());
        GraphDirectorySource before = newSource(new PublishedState(), withoutManager);
        before.resume();
        before.poll(false);
        assertThat(userRecord(watcher.next(11), "u2").getManagerId()).as("manager not selected").isNull();
        before.close();

        PublishedState readBack = TopicStateReader.read(consumerConfig(), topics, Duration.ofSeconds(30));
        GraphDirectorySource upgraded = newSource(readBack, settings(FakeGraphServer.CLIENT_SECRET));
        upgraded.resume();
        graph.clearRequests();
        upgraded.poll(false);

        // the stored links were made without manager: a full read, which publishes only what changed
        assertThat(graph.requests()).anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$select=") && r.endsWith(",manager"))
                .noneMatch(r -> r.startsWith("GET /v1.0/users/delta?$deltatoken="));
        List<Published> changed = watcher.next(1);
        assertThat(TopicWatcher.summaries(changed)).containsExactly("users/u2 ACTIVE");
        assertThat(userRecord(changed, "u2").getManagerId()).isEqualTo("u1");
        assertThat(DeltaState.load(dir.resolve("graph-delta-state.json")).matches(settings(FakeGraphServer.CLIENT_SECRET))).isTrue();
    }

    @Test
    void aFullResyncRepublishesEverythingAndRenewsTheLinks() {
        source.poll(false);
        watcher.next(11);
        graph.clearRequests();

        PublishResult result = source.fullResync();

        assertThat(result.records()).isEqualTo(11);
        assertThat(watcher.next(11)).hasSize(11);
        assertThat(graph.requests()).anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$select=id,"))
                .noneMatch(r -> r.contains("$deltatoken="));
        assertThat(source.poll(false).nothing()).isTrue();
    }

    @Test
    void aWrongSecretFailsWithTheOAuthErrorAndNeverShowsTheSecret() {
        GraphDirectorySource wrong = newSource(new PublishedState(), settings("not-the-secret"));
        wrong.resume();

        assertThatThrownBy(() -> wrong.poll(false))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo("invalid_client"))
                .hasMessageContaining("AADSTS7000215")
                .hasMessageNotContaining("not-the-secret");
    }

    private GraphDirectorySource newSource(PublishedState state, GraphSettings settings) {
        DirectorySynchronizer synchronizer = new DirectorySynchronizer(state, sink, "graph", Clock.systemUTC(), PublishListener.NONE);
        GraphClient client = new GraphClient(java.net.http.HttpClient.newHttpClient(), settings, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        return new GraphDirectorySource(settings, client, synchronizer, SourceListener.NONE, Clock.systemUTC());
    }

    private GraphSettings settings(String secret) {
        return settings(secret, GraphSettings.DEFAULT_USER_ATTRIBUTES);
    }

    private GraphSettings settings(String secret, List<String> userAttributes) {
        return new GraphSettings(graph.baseUrl(), graph.baseUrl(), FakeGraphServer.TENANT, FakeGraphServer.CLIENT_ID, secret,
                FakeGraphServer.SERVICE_PRINCIPAL, Duration.ofHours(1), userAttributes,
                GraphSettings.DEFAULT_GROUP_ATTRIBUTES, 4, Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(10),
                dir.resolve("graph-delta-state.json"));
    }

    private static io.scimflow.events.directory.DirectoryUser userRecord(List<Published> records, String id) {
        return TopicWatcher.of(records, "users").stream().filter(r -> r.key().equals(id)).reduce((a, b) -> b).orElseThrow().user();
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers(), "schema.registry.url", REGISTRY);
    }
}
