package io.scimflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.producer.testing.ProducerApps;
import io.scimflow.producer.testing.TopicWatcher;
import io.scimflow.producer.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class SettingsValidationTest {

    @TempDir
    Path dir;

    TopicNames topics = TestTopics.unique("settings");

    Map<String, Object> properties() {
        Map<String, Object> properties = ProducerApps.baseProperties(dir, topics, "mock://settings-test");
        properties.put("scimflow.producer.local.file", dir.resolve("directory.yaml").toString());
        return properties;
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof InvalidSettingException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void refusesANegativeWarmUpNamingTheKey() {
        Map<String, Object> properties = properties();
        properties.put("scimflow.producer.warm-up-users", "-1");

        assertThatThrownBy(() -> ProducerApps.start(properties))
                .satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(InvalidSettingException.class)
                        .hasMessageContaining("scimflow.producer.warm-up-users"));
    }

    @Test
    void refusesANonLoopbackAddressWithoutToken() {
        Map<String, Object> properties = properties();
        properties.put("server.address", "0.0.0.0");

        assertThatThrownBy(() -> ProducerApps.start(properties))
                .satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(InvalidSettingException.class)
                        .hasMessageContaining("scimflow.producer.api.token")
                        .hasMessageContaining("0.0.0.0"));
    }

    @Test
    void namesTheMissingGraphSetting() {
        Map<String, Object> properties = properties();
        properties.put("scimflow.producer.source", "graph");
        properties.put("scimflow.producer.graph.client-id", "client");

        assertThatThrownBy(() -> ProducerApps.start(properties))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("scimflow.producer.graph.tenant-id"));
    }

    @Test
    void namesTheMissingSchemaRegistry() {
        Map<String, Object> properties = properties();
        properties.remove("spring.kafka.producer.properties.schema.registry.url");

        assertThatThrownBy(() -> ProducerApps.start(properties))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("spring.kafka.producer.properties.schema.registry.url"));
    }

    @Test
    void aConfiguredTokenIsRequiredOnEveryApiCallAndTheSampleSeedsAMissingFile() throws Exception {
        Map<String, Object> properties = properties();
        properties.put("scimflow.producer.api.token", "t0k3n");
        properties.put("scimflow.producer.full-resync-on-start", "true");
        try (ConfigurableApplicationContext app = ProducerApps.start(properties);
                TopicWatcher watcher = new TopicWatcher(SharedLocalKafkaBroker.bootstrapServers(), "mock://settings-test", topics)) {
            PublishResult initial = app.getBean(DirectoryProducer.class).awaitInitialSync(java.time.Duration.ofSeconds(60));
            assertThat(initial.records()).isEqualTo(557);
            assertThat(watcher.next(2 * 557)).as("the initial sync, then the full resync at start-up").hasSize(2 * 557);
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + ProducerApps.port(app) + "/api/directory");

            assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer wrong").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer t0k3n").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("Company Admin");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ProducerApps.port(app) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
        assertThat(Files.readString(dir.resolve("directory.yaml"))).contains("ORGANIZATION_INTERNAL_ADMIN");
    }
}
