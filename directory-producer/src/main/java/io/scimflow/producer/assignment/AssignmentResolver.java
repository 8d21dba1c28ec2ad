package io.scimflow.producer.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.Membership;
import io.scimflow.producer.model.PrincipalType;

/**
 * Computes who is assigned to the application, as Entra does: a user is assigned directly,
 * or through an assigned group it is a <em>direct</em> member of. Members of a group nested
 * in an assigned group get nothing from it. A soft-deleted group grants nothing to its
 * members (its own assignments are still reported on the group).
 *
 * <p>A role id the application does not declare is kept with no value and no display name,
 * so a consumer sees it and can decide; the all-zero id is Default Access.
 */
public final class AssignmentResolver {

    private AssignmentResolver() {
    }

    public static Assignments resolve(Directory directory) {
        Map<String, List<EffectiveAssignment>> groupAssignments = new HashMap<>();
        Map<String, List<EffectiveAssignment>> userAssignments = new HashMap<>();
        for (AppRoleGrant grant : directory.grants()) {
            EffectiveAssignment direct = assignment(directory, grant.appRoleId(), null);
            if (grant.principalType() == PrincipalType.GROUP) {
                if (directory.groups().containsKey(grant.principalId())) {
                    groupAssignments.computeIfAbsent(grant.principalId(), id -> new ArrayList<>()).add(direct);
                }
            } else if (directory.users().containsKey(grant.principalId())) {
                userAssignments.computeIfAbsent(grant.principalId(), id -> new ArrayList<>()).add(direct);
            }
        }
        for (Membership membership : directory.memberships()) {
            if (membership.memberType() != MemberType.USER || !directory.users().containsKey(membership.memberId())) {
                continue;
            }
            Group group = directory.groups().get(membership.groupId());
            List<EffectiveAssignment> viaGroup = groupAssignments.get(membership.groupId());
            if (group == null || !group.active() || viaGroup == null) {
                continue;
            }
            List<EffectiveAssignment> target = userAssignments.computeIfAbsent(membership.memberId(), id -> new ArrayList<>());
            for (EffectiveAssignment groupAssignment : viaGroup) {
                target.add(assignment(directory, groupAssignment.appRoleId(), group));
            }
        }
        groupAssignments.values().forEach(list -> list.sort(EffectiveAssignment.ORDER));
        userAssignments.values().forEach(list -> list.sort(EffectiveAssignment.ORDER));
        return new Assignments(userAssignments, groupAssignments);
    }

    private static EffectiveAssignment assignment(Directory directory, String roleId, Group via) {
        AppRole role = directory.appRole(roleId);
        return new EffectiveAssignment(roleId,
                role == null ? null : role.value(),
                role == null ? null : role.displayName(),
                via == null ? null : via.id(),
                via == null ? null : via.displayName());
    }
}
