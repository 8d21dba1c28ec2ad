package io.scimflow.producer.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;
import org.junit.jupiter.api.Test;

class AssignmentResolverTest {

    static final AppRole MEMBER = new AppRole("r-member", "ORGANIZATION_INTERNAL_USER", "Member");
    static final AppRole ADMIN = new AppRole("r-admin", "ORGANIZATION_INTERNAL_ADMIN", "Company Admin");

    static DirectoryBuilder base() {
        return new DirectoryBuilder().putAppRole(MEMBER).putAppRole(ADMIN)
                .putUser(User.active("u1", Map.of("displayName", "Zoë")))
                .putUser(User.active("u2", Map.of("displayName", "Łukasz")))
                .putUser(User.active("u3", Map.of("displayName", "José")))
                .putGroup(Group.active("g-sales", Map.of("displayName", "Sales")))
                .putGroup(Group.active("g-nested", Map.of("displayName", "Sales EMEA")));
    }

    @Test
    void directAssignmentCarriesTheRoleAndNoGroup() {
        Directory directory = base().grant(new AppRoleGrant("u1", PrincipalType.USER, ADMIN.id())).build();

        Assignments assignments = AssignmentResolver.resolve(directory);

        assertThat(assignments.ofUser("u1")).containsExactly(
                new EffectiveAssignment("r-admin", "ORGANIZATION_INTERNAL_ADMIN", "Company Admin", null, null));
        assertThat(assignments.ofUser("u2")).isEmpty();
    }

    @Test
    void directMembersOfAnAssignedGroupAreAssignedThroughIt() {
        Directory directory = base()
                .grant(new AppRoleGrant("g-sales", PrincipalType.GROUP, MEMBER.id()))
                .addMember("g-sales", "u1", MemberType.USER)
                .build();

        Assignments assignments = AssignmentResolver.resolve(directory);

        assertThat(assignments.ofUser("u1")).containsExactly(
                new EffectiveAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", "g-sales", "Sales"));
        assertThat(assignments.ofGroup("g-sales")).containsExactly(
                new EffectiveAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", null, null));
    }

    @Test
    void membersOfANestedGroupAreNotAssigned() {
        Directory directory = base()
                .grant(new AppRoleGrant("g-sales", PrincipalType.GROUP, MEMBER.id()))
                .addMember("g-sales", "g-nested", MemberType.GROUP)
                .addMember("g-nested", "u2", MemberType.USER)
                .build();

        assertThat(AssignmentResolver.resolve(directory).ofUser("u2")).isEmpty();
    }

    @Test
    void directAndGroupAssignmentsAreAllListedDirectFirst() {
        Directory directory = base()
                .grant(new AppRoleGrant("g-sales", PrincipalType.GROUP, MEMBER.id()))
                .grant(new AppRoleGrant("u1", PrincipalType.USER, AppRole.DEFAULT_ACCESS_ID))
                .addMember("g-sales", "u1", MemberType.USER)
                .build();

        assertThat(AssignmentResolver.resolve(directory).ofUser("u1")).containsExactly(
                new EffectiveAssignment(AppRole.DEFAULT_ACCESS_ID, null, "Default Access", null, null),
                new EffectiveAssignment("r-member", "ORGANIZATION_INTERNAL_USER", "Member", "g-sales", "Sales"));
    }

    @Test
    void aSoftDeletedGroupGrantsNothingToItsMembers() {
        DirectoryBuilder builder = base()
                .grant(new AppRoleGrant("g-sales", PrincipalType.GROUP, MEMBER.id()))
                .addMember("g-sales", "u1", MemberType.USER);
        builder.putGroup(builder.group("g-sales").softDeleted(java.time.Instant.parse("2026-01-01T00:00:00Z")));

        Assignments assignments = AssignmentResolver.resolve(builder.build());

        assertThat(assignments.ofUser("u1")).isEmpty();
        assertThat(assignments.ofGroup("g-sales")).hasSize(1);
    }

    @Test
    void anUndeclaredRoleIsKeptWithoutValue() {
        Directory directory = base().grant(new AppRoleGrant("u3", PrincipalType.USER, "r-unknown")).build();

        assertThat(AssignmentResolver.resolve(directory).ofUser("u3"))
                .containsExactly(new EffectiveAssignment("r-unknown", null, null, null, null));
    }
}
