package io.scimflow.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;
import org.junit.jupiter.api.Test;

class BenchmarkDirectoryTest {

    @Test
    void theWarmUpDirectoryHoldsTheFirstUsersWithTheirGrantsAndMembershipsAndEveryGroup() {
        Directory full = BenchmarkDirectory.realistic(600).directory();
        Directory warmup = BenchmarkDirectory.realistic(600).firstUsers(100).directory();

        List<String> firstIds = full.users().values().stream().limit(100).map(User::id).toList();
        assertThat(warmup.users().keySet()).containsExactlyElementsOf(firstIds);
        assertThat(warmup.groups()).isEqualTo(full.groups());
        assertThat(warmup.appRoles()).isEqualTo(full.appRoles());
        // every grant of a kept user, and every group's grant, stays; none of another user does
        assertThat(warmup.grants()).containsExactlyInAnyOrderElementsOf(full.grants().stream()
                .filter(g -> g.principalType() != PrincipalType.USER || firstIds.contains(g.principalId())).toList());
        assertThat(warmup.grants()).extracting(AppRoleGrant::principalType).contains(PrincipalType.USER, PrincipalType.GROUP);
        assertThat(warmup.memberships()).isNotEmpty().allMatch(m -> m.memberType() != MemberType.USER || firstIds.contains(m.memberId()));
        assertThat(warmup.memberships()).containsExactlyInAnyOrderElementsOf(full.memberships().stream()
                .filter(m -> m.memberType() != MemberType.USER || firstIds.contains(m.memberId())).toList());
    }

    @Test
    void aFlatDirectoryAssignsEveryUserDirectly() {
        BenchmarkDirectory flat = BenchmarkDirectory.flat(50);

        assertThat(flat.users()).isEqualTo(50);
        assertThat(flat.directory().grants()).hasSize(50).allMatch(g -> g.principalType() == PrincipalType.USER);
        assertThat(flat.firstUsers(20).directory().grants()).hasSize(20);
    }

    @Test
    void refusesMoreUsersThanItHas() {
        assertThatThrownBy(() -> BenchmarkDirectory.flat(10).firstUsers(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstUsers(11) of a directory of 10 users");
    }
}
