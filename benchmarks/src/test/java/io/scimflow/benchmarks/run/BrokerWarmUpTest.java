package io.scimflow.benchmarks.run;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerWarmUpTest {

    @Test
    void sendsAndConsumesThroughAScratchTopicAndLeavesNothingBehind() throws Exception {
        Map<String, Object> adminConfig = Map.of("bootstrap.servers", SharedLocalKafkaBroker.bootstrapServers());

        BrokerWarmUp.Summary sent = BrokerWarmUp.run(adminConfig, Duration.ofSeconds(2));

        assertThat(sent.records()).isGreaterThan(0);
        assertThat(sent.flushes()).isGreaterThan(0);
        assertThat(sent.commits()).as("the consumer group fetched and committed").isGreaterThan(0);
        try (Admin admin = Admin.create(adminConfig)) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(BrokerWarmUp.TOPIC);
            assertThat(admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS))
                    .noneMatch(group -> group.groupId().equals(BrokerWarmUp.TOPIC));
        }
    }
}
