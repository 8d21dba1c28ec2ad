package io.scimflow.producer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.DirectoryProducer;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.producer.testing.ProducerApps;
import io.scimflow.producer.testing.TestTopics;
import io.scimflow.producer.testing.TopicWatcher;
import io.scimflow.producer.testing.TopicWatcher.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class LocalSourceApplicationTest {

    static final String DIRECTORY = """
            appRoles:
              - id: r-member
                value: ORGANIZATION_INTERNAL_USER
                displayName: Member
            users:
              - id: u-zoe
                userPrincipalName: zoe@contoso.example
                displayName: Zoë Ångström
                accountEnabled: true
              - id: u-soren
                userPrincipalName: soren@contoso.example
                displayName: Søren Ñuñez
                accountEnabled: false
            groups:
              - id: g-sales
                displayName: Sales
                appRoleAssignments: [Member]
                members: [u-zoe]
            """;

    @TempDir
    Path dir;
    Path file;
    TopicNames topics;
    ConfigurableApplicationContext app;
    TopicWatcher watcher;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("directory.yaml");
        Files.writeString(file, DIRECTORY);
        topics = TestTopics.unique("local");
        Map<String, Object> properties = ProducerApps.baseProperties(dir, topics, "mock://local-source-test");
        properties.put("scimflow.producer.local.file", file.toString());
        app = ProducerApps.start(properties);
        watcher = new TopicWatcher(SharedLocalKafkaBroker.bootstrapServers(), "mock://local-source-test", topics);
    }

    @AfterEach
    void stop() {
        watcher.close();
        app.close();
    }

    @Test
    void publishesTheFileThenEachEditOfTheFile() throws Exception {
        PublishResult initial = app.getBean(DirectoryProducer.class).awaitInitialSync(Duration.ofSeconds(30));
        assertThat(initial.records()).isEqualTo(4);
        List<Published> first = watcher.next(4);
        assertThat(TopicWatcher.summaries(first)).containsExactly(
                "groups/g-sales ACTIVE", "memberships/g-sales|u-zoe present=true", "users/u-soren ACTIVE", "users/u-zoe ACTIVE");
        Published zoe = TopicWatcher.of(first, "users").stream().filter(p -> p.key().equals("u-zoe")).findFirst().orElseThrow();
        assertThat(zoe.user().getDisplayName()).isEqualTo("Zoë Ångström");
        assertThat(zoe.user().getSource()).isEqualTo("local");
        assertThat(zoe.user().getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", "g-sales", "Sales"));
        Published soren = TopicWatcher.of(first, "users").stream().filter(p -> p.key().equals("u-soren")).findFirst().orElseThrow();
        assertThat(soren.user().getAccountEnabled()).isFalse();
        assertThat(soren.user().getAppRoleAssignments()).isEmpty();

        // Søren joins the assigned group: he gains scope; nothing else is republished.
        Files.writeString(file, DIRECTORY.replace("members: [u-zoe]", "members: [u-zoe, u-soren]"));
        List<Published> joined = watcher.next(2);
        assertThat(TopicWatcher.summaries(joined)).containsExactly(
                "memberships/g-sales|u-soren present=true", "users/u-soren ACTIVE");
        Published gained = TopicWatcher.of(joined, "users").get(0);
        assertThat(gained.user().getAppRoleAssignments()).extracting(AppRoleAssignment::getViaGroupId).containsExactly("g-sales");
        assertThat(gained.user().getGroupIds()).containsExactly("g-sales");

        // ...and leaves it again: he loses scope, and the membership becomes a removal fact.
        Files.writeString(file, DIRECTORY);
        List<Published> left = watcher.next(2);
        assertThat(TopicWatcher.summaries(left)).containsExactly(
                "memberships/g-sales|u-soren present=false", "users/u-soren ACTIVE");
        assertThat(TopicWatcher.of(left, "users").get(0).user().getAppRoleAssignments()).isEmpty();
        assertThat(TopicWatcher.of(left, "users").get(0).user().getGroupIds()).isEmpty();

        // An invalid file is ignored (the last valid directory stays).
        Files.writeString(file, DIRECTORY.replace("members: [u-zoe]", "members: [u-nobody]"));
        watcher.next(0);
    }

    @Test
    void theApiChangesTheFileAndPublishes() throws Exception {
        app.getBean(DirectoryProducer.class).awaitInitialSync(Duration.ofSeconds(30));
        watcher.next(4);

        HttpResponse<String> created = call("POST", "/api/users",
                "{\"id\":\"u-jose\",\"userPrincipalName\":\"jose@contoso.example\",\"displayName\":\"José Nguyễn\",\"department\":\"Sales\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        List<Published> one = watcher.next(1);
        assertThat(one.get(0).summary()).isEqualTo("users/u-jose ACTIVE");
        assertThat(one.get(0).user().getDepartment()).isEqualTo("Sales");
        assertThat(one.get(0).user().getAppRoleAssignments()).isEmpty();

        assertThat(call("PUT", "/api/users/u-jose/app-roles/ORGANIZATION_INTERNAL_USER", null).statusCode()).isEqualTo(204);
        Published assigned = watcher.next(1).get(0);
        assertThat(assigned.user().getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", null, null));

        assertThat(call("PUT", "/api/groups/g-sales/members/u-jose", null).statusCode()).isEqualTo(200);
        assertThat(TopicWatcher.summaries(watcher.next(2))).containsExactly(
                "memberships/g-sales|u-jose present=true", "users/u-jose ACTIVE");

        assertThat(call("DELETE", "/api/users/u-jose?mode=soft", null).statusCode()).isEqualTo(204);
        Published soft = watcher.next(1).get(0);
        assertThat(soft.user().getLifecycle()).isEqualTo(Lifecycle.SOFT_DELETED);
        assertThat(soft.user().getDeletedAt()).isNotNull();

        assertThat(call("POST", "/api/users/u-jose/restore", null).statusCode()).isEqualTo(200);
        assertThat(watcher.next(1).get(0).user().getLifecycle()).isEqualTo(Lifecycle.ACTIVE);

        Directory onDisk = LocalDirectoryReader.read(file);
        assertThat(onDisk.users().get("u-jose").displayName()).isEqualTo("José Nguyễn");
        assertThat(onDisk.memberships()).extracting(m -> m.groupId() + "|" + m.memberId()).contains("g-sales|u-jose");

        assertThat(call("DELETE", "/api/users/u-jose?mode=hard", null).statusCode()).isEqualTo(204);
        List<Published> hard = watcher.next(4);
        assertThat(TopicWatcher.byKey(hard)).containsExactly(
                "memberships/g-sales|u-jose present=false", "memberships/g-sales|u-jose tombstone",
                "users/u-jose HARD_DELETED", "users/u-jose tombstone");
        assertThat(LocalDirectoryReader.read(file).users()).doesNotContainKey("u-jose");

        assertThat(call("DELETE", "/api/users/u-jose", null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/users/u-zoe/app-roles/NoSuchRole", null).statusCode()).isEqualTo(400);
        HttpResponse<String> directory = call("GET", "/api/directory", null);
        assertThat(directory.body()).contains("Zoë Ångström").doesNotContain("u-jose");

        HttpResponse<String> resync = call("POST", "/admin/full-resync", null);
        assertThat(resync.body()).contains("\"records\":4");
        assertThat(watcher.next(4)).hasSize(4);
    }

    @Test
    void groupsCanBeCreatedAssignedFilledAndDeletedThroughTheApi() throws Exception {
        app.getBean(DirectoryProducer.class).awaitInitialSync(Duration.ofSeconds(30));
        watcher.next(4);

        assertThat(call("POST", "/api/groups", "{\"id\":\"g-admins\",\"displayName\":\"Company Admins\"}").statusCode())
                .isEqualTo(201);
        assertThat(watcher.next(1).get(0).summary()).isEqualTo("groups/g-admins ACTIVE");

        assertThat(call("PUT", "/api/groups/g-admins/members/u-soren", null).statusCode()).isEqualTo(200);
        assertThat(TopicWatcher.summaries(watcher.next(2))).containsExactly(
                "memberships/g-admins|u-soren present=true", "users/u-soren ACTIVE");

        assertThat(call("PUT", "/api/groups/g-admins/app-roles/r-member", null).statusCode()).isEqualTo(204);
        List<Published> assigned = watcher.next(2);
        assertThat(TopicWatcher.summaries(assigned)).containsExactly("groups/g-admins ACTIVE", "users/u-soren ACTIVE");
        assertThat(TopicWatcher.of(assigned, "users").get(0).user().getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", "g-admins", "Company Admins"));

        assertThat(call("DELETE", "/api/groups/g-admins?mode=hard", null).statusCode()).isEqualTo(204);
        List<Published> deleted = watcher.next(5);
        assertThat(TopicWatcher.byKey(deleted)).containsExactly(
                "groups/g-admins HARD_DELETED", "groups/g-admins tombstone",
                "memberships/g-admins|u-soren present=false", "memberships/g-admins|u-soren tombstone",
                "users/u-soren ACTIVE");
        assertThat(TopicWatcher.of(deleted, "users").get(0).user().getAppRoleAssignments()).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("g-admins");

        HttpResponse<String> metric = call("GET", "/actuator/metrics/scimflow.producer.published", null);
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"topic\"").contains("memberships");
    }

    private HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ProducerApps.port(app) + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
