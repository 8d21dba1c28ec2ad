package io.scimflow.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryDifferTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final AppRole MEMBER = new AppRole("r-member", "ORGANIZATION_INTERNAL_USER", "Member");

    RecordingSink sink;
    DirectorySynchronizer synchronizer;
    DirectoryBuilder directory;

    @BeforeEach
    void setUp() {
        sink = new RecordingSink();
        synchronizer = new DirectorySynchronizer(new PublishedState(), sink, "local", Clock.fixed(NOW, ZoneOffset.UTC), PublishListener.NONE);
        directory = new DirectoryBuilder().putAppRole(MEMBER)
                .putUser(User.active("u1", Map.of("displayName", "Zoë Ångström", "userPrincipalName", "zoe@contoso.example",
                        "accountEnabled", true, "costCenter", "CC-1")))
                .putUser(User.active("u2", Map.of("displayName", "Søren Ñuñez")))
                .putGroup(Group.active("g1", Map.of("displayName", "Sales")))
                .grant(new AppRoleGrant("g1", PrincipalType.GROUP, MEMBER.id()));
    }

    @Test
    void theFirstRoundPublishesEverythingStampedAndTheSameDirectoryAgainPublishesNothing() {
        directory.addMember("g1", "u1", MemberType.USER);

        PublishResult first = synchronizer.publish(directory.build());
        List<StateEvent> events = sink.drain();

        assertThat(first.records()).isEqualTo(4);
        assertThat(events).extracting(StateEvent::toString)
                .containsExactly("GROUPS/g1", "USERS/u1", "USERS/u2", "MEMBERSHIPS/g1|u1");
        DirectoryUser zoe = (DirectoryUser) events.get(1).value();
        assertThat(zoe.getSource()).isEqualTo("local");
        assertThat(zoe.getChangedAt()).isEqualTo(NOW);
        assertThat(zoe.getChangeId()).hasSize(36);
        assertThat(zoe.getUserPrincipalName()).isEqualTo("zoe@contoso.example");
        assertThat(zoe.getExtensionAttributes()).containsExactly(Map.entry("costCenter", "CC-1"));
        assertThat(zoe.getGroupIds()).containsExactly("g1");
        assertThat(zoe.getAppRoleAssignments()).containsExactly(
                new AppRoleAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", "g1", "Sales"));
        assertThat(events.get(2).value()).extracting("changeId").isNotEqualTo(zoe.getChangeId());

        assertThat(synchronizer.publish(directory.build()).nothing()).isTrue();
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void joiningAnAssignedGroupRepublishesTheUserAndTheMembershipOnly() {
        synchronizer.publish(directory.build());
        sink.drain();

        directory.addMember("g1", "u2", MemberType.USER);
        synchronizer.publish(directory.build());

        List<StateEvent> events = sink.drain();
        assertThat(events).extracting(StateEvent::toString).containsExactly("USERS/u2", "MEMBERSHIPS/g1|u2");
        assertThat(((DirectoryUser) events.get(0).value()).getAppRoleAssignments()).extracting(AppRoleAssignment::getViaGroupId)
                .containsExactly("g1");
    }

    @Test
    void leavingTheGroupPublishesARemovalFactAndTheUserWithoutAssignment() {
        directory.addMember("g1", "u2", MemberType.USER);
        synchronizer.publish(directory.build());
        sink.drain();

        directory.removeMember("g1", "u2");
        synchronizer.publish(directory.build());

        List<StateEvent> events = sink.drain();
        assertThat(events).extracting(StateEvent::toString).containsExactly("USERS/u2", "MEMBERSHIPS/g1|u2");
        assertThat(((DirectoryUser) events.get(0).value()).getAppRoleAssignments()).isEmpty();
        assertThat(((GroupMembership) events.get(1).value()).getPresent()).isFalse();
    }

    @Test
    void renamingAnAssignedGroupRepublishesItsMembers() {
        directory.addMember("g1", "u1", MemberType.USER);
        synchronizer.publish(directory.build());
        sink.drain();

        directory.putGroup(directory.group("g1").withAttributes(Map.of("displayName", "Sales & Marketing")));
        synchronizer.publish(directory.build());

        // The membership fact and the user carry the group's display name, so both change.
        List<StateEvent> events = sink.drain();
        assertThat(events).extracting(StateEvent::toString).containsExactly("GROUPS/g1", "USERS/u1", "MEMBERSHIPS/g1|u1");
        assertThat(((GroupMembership) events.get(2).value()).getGroupDisplayName()).isEqualTo("Sales & Marketing");
        assertThat(((DirectoryUser) events.get(1).value()).getGroupDisplayNames()).containsEntry("g1", "Sales & Marketing");
    }

    @Test
    void unassigningAGroupRepublishesTheGroupAndItsMembers() {
        directory.addMember("g1", "u1", MemberType.USER);
        synchronizer.publish(directory.build());
        sink.drain();

        directory.revoke(new AppRoleGrant("g1", PrincipalType.GROUP, MEMBER.id()));
        synchronizer.publish(directory.build());

        List<StateEvent> events = sink.drain();
        assertThat(events).extracting(StateEvent::toString).containsExactly("GROUPS/g1", "USERS/u1");
        assertThat(((DirectoryGroup) events.get(0).value()).getAppRoleAssignments()).isEmpty();
    }

    @Test
    void softDeleteAndRestoreChangeTheLifecycle() {
        synchronizer.publish(directory.build());
        sink.drain();

        directory.putUser(directory.user("u2").softDeleted(Instant.parse("2026-11-01T10:00:00.123456Z")));
        synchronizer.publish(directory.build());
        DirectoryUser deleted = (DirectoryUser) sink.drain().get(0).value();
        assertThat(deleted.getLifecycle()).isEqualTo(Lifecycle.SOFT_DELETED);
        assertThat(deleted.getDeletedAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00.123Z"));

        directory.putUser(directory.user("u2").restored());
        synchronizer.publish(directory.build());
        DirectoryUser restored = (DirectoryUser) sink.drain().get(0).value();
        assertThat(restored.getLifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(restored.getDeletedAt()).isNull();
    }

    @Test
    void hardDeletePublishesAFinalRecordThenTombstonesAndForgetsItsMemberships() {
        directory.addMember("g1", "u1", MemberType.USER);
        synchronizer.publish(directory.build());
        sink.drain();

        directory.removeUser("u1");
        synchronizer.publish(directory.build());

        List<StateEvent> events = sink.drain();
        assertThat(events).extracting(StateEvent::toString).containsExactly(
                "MEMBERSHIPS/g1|u1", "MEMBERSHIPS/g1|u1 (tombstone)", "USERS/u1", "USERS/u1 (tombstone)");
        assertThat(((GroupMembership) events.get(0).value()).getPresent()).isFalse();
        DirectoryUser last = (DirectoryUser) events.get(2).value();
        assertThat(last.getLifecycle()).isEqualTo(Lifecycle.HARD_DELETED);
        assertThat(last.getDeletedAt()).isEqualTo(NOW);
        assertThat(last.getDisplayName()).isEqualTo("Zoë Ångström");

        assertThat(synchronizer.publish(directory.build()).nothing()).isTrue();
    }

    @Test
    void aFullResyncRepublishesUnchangedObjects() {
        directory.addMember("g1", "u1", MemberType.USER);
        synchronizer.publish(directory.build());
        sink.drain();

        PublishResult result = synchronizer.republishAll(directory.build());

        assertThat(result.records()).isEqualTo(4);
        assertThat(sink.drain()).extracting(StateEvent::toString)
                .containsExactly("GROUPS/g1", "USERS/u1", "USERS/u2", "MEMBERSHIPS/g1|u1");
    }

    @Test
    void publishedRecordsDescribeTheDirectoryTheyCameFrom() {
        directory.addMember("g1", "u1", MemberType.USER);
        synchronizer.publish(directory.build());

        DirectoryBuilder rebuilt = synchronizer.publishedDirectory().toBuilder();
        rebuilt.replaceAppRoles(List.of(MEMBER)).replaceGrants(directory.grants());
        PublishedState fresh = new PublishedState();
        sink.sent.forEach(fresh::apply);

        assertThat(DirectoryDiffer.diff(fresh, EventRecords.project(rebuilt.build()), NOW, false)).isEmpty();
    }
}
