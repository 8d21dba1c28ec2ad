package io.scimflow.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.User;
import io.scimflow.schemas.ids.RandomIds;
import io.scimflow.schemas.registry.MockSchemaRegistry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/** Records built without Avro's builders are the records the builders would make. */
class EventRecordsTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void projectedRecordsCarryTheSchemaDefaultsForWhatTheDirectoryDoesNotSay() {
        Projection projection = EventRecords.project(new DirectoryBuilder()
                .putUser(User.active("u1", Map.of("displayName", "Zoë")))
                .putGroup(Group.active("g1", Map.of("displayName", "Sales")))
                .addMember("g1", "u1", MemberType.USER)
                .build());

        DirectoryUser expectedUser = DirectoryUser.newBuilder().setId("u1").setChangeId("").setSource("")
                .setChangedAt(Instant.EPOCH).setDisplayName("Zoë").setGroupIds(List.of("g1"))
                .setGroupDisplayNames(Map.of("g1", "Sales")).build();
        DirectoryGroup expectedGroup = DirectoryGroup.newBuilder().setId("g1").setChangeId("").setSource("")
                .setChangedAt(Instant.EPOCH).setDisplayName("Sales").build();
        GroupMembership expectedFact = GroupMembership.newBuilder().setGroupId("g1").setMemberId("u1")
                .setMemberType(io.scimflow.events.directory.MemberType.USER).setPresent(true).setGroupDisplayName("Sales")
                .setChangeId("").setSource("").setChangedAt(Instant.EPOCH).build();
        assertThat(projection.users().get("u1")).isEqualTo(expectedUser);
        assertThat(projection.users().get("u1").getAccountEnabled()).isTrue();
        assertThat(projection.groups().get("g1")).isEqualTo(expectedGroup);
        assertThat(projection.groups().get("g1").getSecurityEnabled()).isTrue();
        assertThat(projection.memberships().values()).containsExactly(expectedFact);
    }

    @Test
    void aStreamedProjectionMakesTheSameUsersInTheSameOrderEachTimeItIsIterated() {
        io.scimflow.producer.model.Directory directory = io.scimflow.producer.local.SyntheticDirectory.generate(300, 12, 7L);
        Projection projection = EventRecords.project(directory);

        StreamedProjection streamed = EventRecords.stream(directory);
        Map<String, DirectoryUser> first = new java.util.LinkedHashMap<>();
        streamed.forEachUser(first::put);
        Map<String, DirectoryUser> second = new java.util.LinkedHashMap<>();
        streamed.forEachUser(second::put);

        assertThat(List.copyOf(first.keySet())).isEqualTo(List.copyOf(projection.users().keySet()));
        assertThat(first).isEqualTo(projection.users()).isEqualTo(second);
        assertThat(first.values()).anyMatch(user -> !user.getAppRoleAssignments().isEmpty())
                .anyMatch(user -> !user.getGroupIds().isEmpty()); // the generator's group-based assignments were resolved
        assertThat(streamed.groups()).isEqualTo(projection.groups());
        assertThat(streamed.memberships()).isEqualTo(projection.memberships());
        assertThat(streamed.size()).isEqualTo(projection.size());
        assertThat(streamed.hasUser(first.keySet().iterator().next())).isTrue();
        assertThat(streamed.hasUser("no-such-user")).isFalse();
    }

    @Test
    void stampingCopiesAndNormalizingGivesTheOriginalBack() {
        DirectoryUser projected = EventRecords.project(new DirectoryBuilder()
                .putUser(User.active("u1", Map.of("displayName", "Zoë", "costCenter", "CC-1")))
                .build()).users().get("u1");
        DirectoryUser before = DirectoryUser.newBuilder(projected).build();

        DirectoryUser stamped = (DirectoryUser) EventRecords.stamp(projected, "c-1", NOW, "local");

        assertThat(stamped.getChangeId()).isEqualTo("c-1");
        assertThat(stamped.getChangedAt()).isEqualTo(NOW);
        assertThat(stamped.getSource()).isEqualTo("local");
        assertThat(stamped.getExtensionAttributes()).isEqualTo(Map.of("costCenter", "CC-1"));
        assertThat(projected).isEqualTo(before);
        assertThat(EventRecords.normalize(stamped)).isEqualTo(projected);
    }

    @Test
    void normalizingARecordReadBackSortsItsExtensionAttributesAsText() {
        Map<String, String> unsorted = new HashMap<>(Map.of("b", "2", "a", "1"));
        DirectoryUser read = DirectoryUser.newBuilder().setId("u1").setChangeId("c-9").setSource("graph")
                .setChangedAt(NOW).setLifecycle(Lifecycle.ACTIVE).setExtensionAttributes(unsorted).build();

        DirectoryUser normalized = (DirectoryUser) EventRecords.normalize(read);

        assertThat(normalized.getChangeId()).isEmpty();
        assertThat(normalized.getSource()).isEmpty();
        assertThat(normalized.getChangedAt()).isEqualTo(Instant.EPOCH);
        assertThat(normalized.getExtensionAttributes()).isInstanceOf(TreeMap.class).containsExactly(
                Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(read.getChangeId()).isEqualTo("c-9");
    }

    @Test
    void stampedRecordsSurviveTheWireAndCarryDistinctChangeIds() {
        String scope = "event-records-" + UUID.randomUUID();
        Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope, "specific.avro.reader", true);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        Projection projection = EventRecords.project(new DirectoryBuilder()
                .putUser(User.active("u1", Map.of("displayName", "Zoë", "businessPhones", List.of("+47 1"))))
                .putUser(User.active("u2", Map.of("displayName", "Søren")))
                .build());
        Set<String> changeIds = new HashSet<>();
        try {
            for (DirectoryUser user : projection.users().values()) {
                SpecificRecordBase stamped = EventRecords.stamp(user, RandomIds.next(), NOW, "local");
                Object back = deserializer.deserialize("directory.users", serializer.serialize("directory.users", stamped));
                assertThat(back).isEqualTo(stamped);
                changeIds.add(((DirectoryUser) back).getChangeId());
                assertThat(UUID.fromString(((DirectoryUser) back).getChangeId()).version()).isEqualTo(4);
            }
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
        assertThat(changeIds).hasSize(2);
    }
}
