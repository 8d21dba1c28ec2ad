package io.scimflow.sink;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.GroupModel;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.sink.scim.ConnectionTester;
import io.scimflow.sink.scim.ConnectionTester.Problem;
import io.scimflow.sink.support.Journal;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.LocalMiroSinkTestBase;
import io.scimflow.sink.support.SinkHarness;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pause/resume over HTTP, test connection, and the generic-scim profile. */
class AdminAndProfilesIntegrationTests extends LocalMiroSinkTestBase {

    @Test
    void pauseAndResumeOverHttpHoldAndReleaseOperations() throws Exception {
        ConfigurableApplicationContext context = harness.start(harness.properties(server.baseUrl(), server.settings().token()));
        String admin = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/admin/";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> paused = http.send(HttpRequest.newBuilder(URI.create(admin + "pause")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.body()).contains("\"paused\":true");

        ProvisioningOperation op = Ops.upsertUser("pp1", "paused@corp.com", "Paused").build();
        harness.send(op);
        // The operation waits (in Kafka, or taken and held at the gate) and nothing is applied.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ScimSink.Status status = SinkHarness.sink(context).status();
            return status.lag() + status.inFlight() == 1;
        });
        assertThat(SinkHarness.sink(context).drained()).isFalse();
        assertThat(harness.log()).isEmpty();
        assertThat(server.userByUserName("paused@corp.com")).isEmpty();

        HttpResponse<String> resumed = http.send(HttpRequest.newBuilder(URI.create(admin + "resume")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resumed.body()).contains("\"paused\":false");
        assertThat(harness.awaitEntry(op).getStatus()).isEqualTo(LogStatus.SUCCESS);
        io.micrometer.core.instrument.MeterRegistry meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        assertThat(meters.get("scimflow.sink.operations").tag("action", "CREATE").tag("status", "SUCCESS").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("scimflow.sink.scim.requests").tag("endpoint", "POST_USERS").timer().count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(admin + "status")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"drained\":true"));

        HttpResponse<String> test = http.send(HttpRequest.newBuilder(URI.create(admin + "test-connection"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).contains("\"ok\":true");
    }

    @Test
    void testConnectionSaysWhatIsWrong() throws IOException {
        ConnectionTester tester = new ConnectionTester(Duration.ofSeconds(5));
        String token = server.settings().token();
        server.clearJournal();
        assertThat(tester.test(server.baseUrl(), token).problem()).isEqualTo(Problem.OK);
        assertThat(server.journal()).singleElement().satisfies(e -> {
            assertThat(e.endpoint()).isEqualTo("GET /Users");
            assertThat(java.net.URLDecoder.decode(e.query(), StandardCharsets.UTF_8)).startsWith("filter=userName eq \"scimflow-test-");
        });
        assertThat(tester.test(server.baseUrl(), "wrong").problem()).isEqualTo(Problem.UNAUTHORIZED);
        assertThat(tester.test(server.baseUrl().replace("/api/v1/scim", "/api/v2/nothing"), token).problem()).isEqualTo(Problem.NOT_FOUND);

        HttpServer html = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        html.createContext("/", exchange -> {
            byte[] body = "<html>welcome</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        html.start();
        try {
            ConnectionTester.Result result = tester.test("http://127.0.0.1:" + html.getAddress().getPort() + "/scim", token);
            assertThat(result.problem()).isEqualTo(Problem.NOT_SCIM);
            assertThat(result.message()).contains("does not look like a SCIM endpoint");
        } finally {
            html.stop(0);
        }

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ConnectionTester.Result refused = tester.test("http://127.0.0.1:" + closedPort + "/scim", token);
        assertThat(refused.problem()).isEqualTo(Problem.CONNECTION_FAILED);
        assertThat(refused.message()).contains("127.0.0.1:" + closedPort);
        assertThat(refused.toString()).doesNotContain(token);
    }

    @Test
    void genericProfileCreatesAndDeletesGroups() {
        try (LocalMiroScimServer userGroups = LocalMiroScimServer.start(MiroServerSettings.builder().groupModel(GroupModel.USER_GROUPS)
                .build())) {
            Map<String, Object> properties = harness.properties(userGroups.baseUrl(), userGroups.settings().token());
            properties.put("scimflow.sink.target.profile", "generic-scim");
            harness.start(properties);
            ProvisioningOperation user = Ops.upsertUser("gu", "gu@corp.com", "Generic User").build();
            harness.send(user);
            harness.awaitEntry(user);
            ProvisioningOperation create = Ops.upsertGroup("gg", "Platform Guild").build();
            harness.send(create, Ops.addMembers("gg", "Platform Guild", java.util.List.of("gu")).build());
            ProvisioningLogEntry created = harness.awaitEntry(create);
            assertThat(created.getAction()).isEqualTo(LogAction.CREATE);
            assertThat(created.getStatus()).isEqualTo(LogStatus.SUCCESS);
            await().atMost(Duration.ofSeconds(30)).until(() -> userGroups.teamByName("Platform Guild")
                    .map(t -> t.memberIds().contains(userGroups.userByUserName("gu@corp.com").orElseThrow().id())).orElse(false));
            assertThat(Journal.of(userGroups, "POST /Groups")).singleElement()
                    .satisfies(e -> assertThat(e.requestBody()).doesNotContain("members"));

            ProvisioningOperation delete = Ops.deleteGroup("gg", "Platform Guild").build();
            harness.send(delete);
            assertThat(harness.awaitEntry(delete).getStatus()).isEqualTo(LogStatus.SUCCESS);
            assertThat(userGroups.teamByName("Platform Guild")).isEmpty();
            assertThat(Journal.of(userGroups, "GET /ServiceProviderConfig")).hasSize(1);
        }
    }
}
