package io.scimflow.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;
import io.scimflow.producer.testing.TestKafka;
import io.scimflow.producer.testing.TestTopics;
import io.scimflow.producer.testing.TopicWatcher;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kafka sink against the real in-process broker: a round's records go out as they are added. */
class KafkaEventSinkTest {

    static final String REGISTRY = "mock://kafka-event-sink-test";
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    TopicNames topics;
    KafkaEventSink sink;
    TopicWatcher watcher;

    @BeforeEach
    void setUp() {
        topics = TestTopics.unique("sink");
        TestKafka.createTopics(topics);
        Map<String, Object> config = new HashMap<>(TestKafka.producerConfig(REGISTRY));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5); // as the app's default: records leave without a flush
        sink = new KafkaEventSink(config, topics, 2); // chunks of 2 events
        watcher = new TopicWatcher(SharedLocalKafkaBroker.bootstrapServers(), REGISTRY, topics);
    }

    @AfterEach
    void tearDown() {
        watcher.close();
        sink.close();
    }

    @Test
    void aRoundsFullChunksReachTheBrokerBeforeItIsFinishedAndAllAreAckedInOrderWhenItIs() {
        List<StateEvent> events = EventRecords.project(new DirectoryBuilder()
                .putUser(User.active("u1", Map.of("displayName", "Zoë Ångström")))
                .putUser(User.active("u2", Map.of("displayName", "Søren Ñuñez")))
                .putUser(User.active("u3", Map.of("displayName", "Ada"))).build())
                .users().entrySet().stream()
                .map(e -> new StateEvent(EventTopic.USERS, e.getKey(),
                        EventRecords.stamp(e.getValue(), "change-" + e.getKey(), NOW, "test")))
                .toList();

        EventSink.Round round = sink.begin();
        events.forEach(round::add);

        // not finished (no flush) yet: the first chunk was handed over, and the producer's own linger sent it
        assertThat(TopicWatcher.summaries(watcher.next(2))).containsExactly("users/u1 ACTIVE", "users/u2 ACTIVE");
        List<String> acked = new ArrayList<>();
        round.finish(event -> acked.add(event.key()));
        assertThat(acked).containsExactly("u1", "u2", "u3");
        assertThat(TopicWatcher.summaries(watcher.next(1))).as("the partial chunk, sent by finish").containsExactly("users/u3 ACTIVE");
    }

    @Test
    void aSynchronizerRoundThroughKafkaPublishesWhatTheDifferLists() {
        AppRole member = new AppRole("r-member", "ORGANIZATION_INTERNAL_USER", "Member");
        DirectoryBuilder directory = new DirectoryBuilder().putAppRole(member)
                .putUser(User.active("u1", Map.of("displayName", "Zoë Ångström")))
                .putUser(User.active("u2", Map.of("displayName", "Søren Ñuñez")))
                .putGroup(Group.active("g1", Map.of("displayName", "Sales")))
                .grant(new AppRoleGrant("g1", PrincipalType.GROUP, member.id()))
                .addMember("g1", "u1", MemberType.USER);
        PublishedState published = new PublishedState();
        DirectorySynchronizer synchronizer = new DirectorySynchronizer(published, sink, "local", Clock.fixed(NOW, ZoneOffset.UTC),
                PublishListener.NONE);

        PublishResult result = synchronizer.publish(directory.build());

        assertThat(result.records()).isEqualTo(4);
        assertThat(TopicWatcher.summaries(watcher.next(4))).containsExactlyInAnyOrder(
                "groups/g1 ACTIVE", "users/u1 ACTIVE", "users/u2 ACTIVE", "memberships/g1|u1 present=true");
        assertThat(published.size()).isEqualTo(4);
        assertThat(published.user("u1").getAppRoleAssignments()).hasSize(1);
        assertThat(synchronizer.publish(directory.build()).records()).isZero();
    }
}
