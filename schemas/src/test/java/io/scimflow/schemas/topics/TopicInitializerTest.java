package io.scimflow.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class TopicInitializerTest {

    @Test
    void createsMissingTopicsWithTheirPoliciesAndLeavesExistingOnesAlone() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        TopicSpec compacted = new TopicSpec("init-" + suffix + "-compacted", 3, (short) 1, Map.of("cleanup.policy", "compact"));
        TopicSpec plain = new TopicSpec("init-" + suffix + "-plain", 2, (short) 1, Map.of("retention.ms", "60000"));
        Map<String, Object> admin = Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers());

        List<String> first = TopicInitializer.ensureTopics(admin, List.of(compacted, plain), Duration.ofSeconds(30));
        List<String> second = TopicInitializer.ensureTopics(admin, List.of(compacted, plain), Duration.ofSeconds(30));

        assertThat(first).containsExactlyInAnyOrder(compacted.name(), plain.name());
        assertThat(second).isEmpty();
        try (Admin client = Admin.create(admin)) {
            var descriptions = client.describeTopics(List.of(compacted.name(), plain.name())).allTopicNames().get();
            assertThat(descriptions.get(compacted.name()).partitions()).hasSize(3);
            assertThat(descriptions.get(plain.name()).partitions()).hasSize(2);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, compacted.name());
            var config = client.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
