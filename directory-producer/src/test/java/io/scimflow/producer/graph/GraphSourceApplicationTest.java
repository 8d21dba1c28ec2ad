package io.scimflow.producer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.DirectoryProducer;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.producer.testing.ProducerApps;
import io.scimflow.producer.testing.TestTopics;
import io.scimflow.producer.testing.TopicWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The app with source=graph, as the launcher starts it: initial sync, restart from the stored delta links, live polling. */
class GraphSourceApplicationTest {

    static final String REGISTRY = "mock://graph-app-test";

    @TempDir
    Path dir;

    @Test
    void restartsFromTheStoredDeltaLinksAndKeepsPolling() throws Exception {
        try (FakeGraphServer graph = new FakeGraphServer().pageSize(3)) {
            graph.appRole("r-member", "ORGANIZATION_INTERNAL_USER", "Member");
            graph.putUser("u1", Map.of("userPrincipalName", "zoe@contoso.example", "displayName", "Zoë", "accountEnabled", true));
            graph.putUser("u2", Map.of("userPrincipalName", "soren@contoso.example", "displayName", "Søren", "accountEnabled", false));
            graph.putGroup("g1", Map.of("displayName", "Miro Users"));
            graph.addMember("g1", "u1", false);
            graph.assign("g1", "Group", "r-member");
            TopicNames topics = TestTopics.unique("graph-app");
            Map<String, Object> properties = ProducerApps.baseProperties(dir, topics, REGISTRY);
            properties.put("scimflow.producer.source", "graph");
            properties.put("scimflow.producer.graph.base-url", graph.baseUrl());
            properties.put("scimflow.producer.graph.authority-url", graph.baseUrl());
            properties.put("scimflow.producer.graph.tenant-id", FakeGraphServer.TENANT);
            properties.put("scimflow.producer.graph.client-id", FakeGraphServer.CLIENT_ID);
            properties.put("scimflow.producer.graph.client-secret", FakeGraphServer.CLIENT_SECRET);
            properties.put("scimflow.producer.graph.service-principal-id", FakeGraphServer.SERVICE_PRINCIPAL);
            properties.put("scimflow.producer.graph.poll-interval", "200ms");

            try (ConfigurableApplicationContext app = ProducerApps.start(properties);
                    TopicWatcher watcher = new TopicWatcher(SharedLocalKafkaBroker.bootstrapServers(), REGISTRY, topics)) {
                PublishResult initial = app.getBean(DirectoryProducer.class).awaitInitialSync(Duration.ofSeconds(30));
                assertThat(initial.records()).isEqualTo(4);
                assertThat(TopicWatcher.summaries(watcher.next(4))).containsExactly(
                        "groups/g1 ACTIVE", "memberships/g1|u1 present=true", "users/u1 ACTIVE", "users/u2 ACTIVE");
            }
            assertThat(dir.resolve("graph-delta-state.json")).exists();
            graph.clearRequests();

            try (ConfigurableApplicationContext app = ProducerApps.start(properties);
                    TopicWatcher watcher = new TopicWatcher(SharedLocalKafkaBroker.bootstrapServers(), REGISTRY, topics)) {
                PublishResult resumed = app.getBean(DirectoryProducer.class).awaitInitialSync(Duration.ofSeconds(30));
                assertThat(resumed.records()).isZero();
                watcher.next(4);
                assertThat(graph.requests()).anyMatch(r -> r.startsWith("GET /v1.0/users/delta?$deltatoken="))
                        .noneMatch(r -> r.startsWith("GET /v1.0/users/delta?$select="));

                graph.addMember("g1", "u2", false);
                assertThat(TopicWatcher.summaries(watcher.next(2))).containsExactly("memberships/g1|u2 present=true", "users/u2 ACTIVE");
            }
        }
    }
}
