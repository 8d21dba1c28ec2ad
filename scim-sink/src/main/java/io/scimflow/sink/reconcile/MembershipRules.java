package io.scimflow.sink.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.ProvisioningOperation;

/**
 * Group membership: ADD_MEMBERS / REMOVE_MEMBERS on a group, and a user's own memberships after
 * its upsert, so that memberships converge whatever order the operations arrive in.
 */
final class MembershipRules {

    private final ReconcileContext context;

    MembershipRules(ReconcileContext context) {
        this.context = context;
    }

    Outcome add(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        return change(op, target, out, true);
    }

    Outcome remove(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        return change(op, target, out, false);
    }

    private Outcome change(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out, boolean add) {
        out.action(LogAction.UPDATE);
        String name = GroupRules.displayName(op);
        out.target(null, name);
        Optional<String> found = GroupRules.locate(op, name, target, context, out);
        if (found.isEmpty()) {
            return out.done(LogStatus.SKIPPED, "Skipped: group \"" + name + "\" does not exist on the target"
                    + (context.capabilities().groupCreate() ? "" : " (" + context.capabilities().profile().configName()
                            + " groups cannot be created over SCIM; create it in the target first)"));
        }
        String groupId = found.get();
        out.target(groupId, name);
        var link = context.links().find(ObjectType.GROUP, op.getSourceId());
        if (link.isEmpty() || !link.get().targetId().equals(groupId)) {
            context.links().link(ObjectType.GROUP, op.getSourceId(), groupId, name);
        }
        List<String> resolved = new ArrayList<>();
        List<String> unprovisioned = new ArrayList<>();
        for (String memberSourceId : new LinkedHashSet<>(op.getMemberSourceIds())) {
            var member = context.links().find(ObjectType.USER, memberSourceId);
            if (member.isPresent()) {
                resolved.add(member.get().targetId());
            } else {
                unprovisioned.add(memberSourceId);
            }
        }
        if (!unprovisioned.isEmpty()) {
            out.step(StepName.MATCHING, LogStatus.SKIPPED, "members not provisioned on the target yet, skipped (their own "
                    + "upsert adds them): " + unprovisioned);
        }
        Set<String> current = resolved.isEmpty() ? Set.of() : membersOf(groupId, target);
        List<String> changes = new ArrayList<>();
        for (String id : resolved) {
            if (add != current.contains(id)) {
                changes.add(id);
            }
        }
        if (changes.isEmpty()) {
            String reason = unprovisioned.isEmpty() ? "Skipped, no change"
                    : "Skipped: " + unprovisioned.size() + " member(s) not provisioned yet, nothing else to change";
            return out.done(LogStatus.SKIPPED, reason);
        }
        int requests = add ? target.changeMembers(groupId, changes, List.of()) : target.changeMembers(groupId, List.of(), changes);
        if (add) {
            context.groups().membersAdded(groupId, changes);
            out.modified("members", null, "+" + changes);
        } else {
            context.groups().membersRemoved(groupId, changes);
            out.modified("members", "-" + changes, null);
        }
        return out.done(LogStatus.SUCCESS, (add ? "Added " : "Removed ") + changes.size() + " member(s) in " + requests
                + " request(s)" + (unprovisioned.isEmpty() ? "" : "; " + unprovisioned.size() + " not provisioned yet"));
    }

    /**
     * After a user exists: adds it to each of its groups that it is not in yet (a group
     * membership operation that came first skipped it, or ran at the same time on another
     * worker). Each group is found by its link, else by its display name
     * ({@code groupDisplayNames}) in the cached group list, because Miro matches teams by name and
     * the group's own operations may not have been processed (or may never come: a team that
     * exists only on the target). Groups found neither way are left to their own operations.
     */
    void ensureUserInGroups(ProvisioningOperation op, String userId, ObjectNode user, TargetDirectory target,
            Outcome.Builder out) {
        if (op.getMemberOfGroupIds().isEmpty()) {
            return;
        }
        Set<String> userGroups = groupsOf(user);
        List<String> notFound = new ArrayList<>();
        for (String groupSourceId : new LinkedHashSet<>(op.getMemberOfGroupIds())) {
            Optional<LinkRegistry.Link> group = resolveGroup(op, groupSourceId, target);
            if (group.isEmpty()) {
                notFound.add(groupSourceId);
                continue;
            }
            String groupId = group.get().targetId();
            boolean member = userGroups != null ? userGroups.contains(groupId) : membersOf(groupId, target).contains(userId);
            if (member) {
                continue;
            }
            target.changeMembers(groupId, List.of(userId), List.of());
            context.groups().membersAdded(groupId, List.of(userId));
            out.modified("memberOf", null, group.get().targetIdentity() != null ? group.get().targetIdentity() : groupId);
        }
        if (!notFound.isEmpty()) {
            out.step(StepName.OTHER, LogStatus.SKIPPED, "groups neither linked nor found by name on the target (not "
                    + "provisioned, or absent there), left to their own operations: " + notFound);
        }
    }

    /** The group's target id and name: its link, else its display name in the cached list (no link written). */
    private Optional<LinkRegistry.Link> resolveGroup(ProvisioningOperation op, String groupSourceId, TargetDirectory target) {
        var link = context.links().find(ObjectType.GROUP, groupSourceId);
        if (link.isPresent()) {
            return link;
        }
        String name = op.getGroupDisplayNames().get(groupSourceId);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        GroupDirectory groups = context.groups();
        if (!groups.isLoaded()) {
            groups.load(target.listGroups());
        }
        Optional<String> id = groups.idByName(name);
        if (id.isEmpty() && groups.mayRelist()) {
            groups.load(target.listGroups());
            id = groups.idByName(name);
        }
        return id.map(found -> new LinkRegistry.Link(found, name));
    }

    private Set<String> membersOf(String groupId, TargetDirectory target) {
        return context.groups().members(groupId, () -> {
            Set<String> ids = new HashSet<>();
            target.getGroup(groupId).ifPresent(group -> group.path("members").forEach(m -> ids.add(m.path("value").asText())));
            return ids;
        });
    }

    /** The ids in a user's read-only {@code groups} attribute, or null when the target does not return it. */
    private static Set<String> groupsOf(ObjectNode user) {
        JsonNode groups = user.get("groups");
        if (groups == null || !groups.isArray()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        groups.forEach(g -> ids.add(g.path("value").asText()));
        return ids;
    }
}
