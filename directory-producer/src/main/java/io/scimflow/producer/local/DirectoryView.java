package io.scimflow.producer.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.assignment.AssignmentResolver;
import io.scimflow.producer.assignment.Assignments;
import io.scimflow.producer.assignment.EffectiveAssignment;
import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.Membership;
import io.scimflow.producer.model.User;

/** JSON shapes of the local directory API: the YAML format's fields, plus each object's effective assignments. */
public final class DirectoryView {

    private DirectoryView() {
    }

    public static Map<String, Object> of(Directory directory) {
        Assignments assignments = AssignmentResolver.resolve(directory);
        Map<String, List<String>> members = new HashMap<>();
        Map<String, List<String>> groupsOf = new HashMap<>();
        for (Membership m : directory.memberships()) {
            members.computeIfAbsent(m.groupId(), id -> new ArrayList<>()).add(m.memberId());
            groupsOf.computeIfAbsent(m.memberId(), id -> new ArrayList<>()).add(m.groupId());
        }
        Map<String, List<String>> rolesOf = roleRefs(directory);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("appRoles", directory.appRoles().values().stream().map(DirectoryView::role).toList());
        view.put("users", directory.users().values().stream()
                .map(u -> user(u, assignments, rolesOf, groupsOf.getOrDefault(u.id(), List.of()))).toList());
        view.put("groups", directory.groups().values().stream()
                .map(g -> group(g, rolesOf, members.getOrDefault(g.id(), List.of()))).toList());
        return view;
    }

    private static Map<String, Object> user(User user, Assignments assignments, Map<String, List<String>> rolesOf,
            List<String> groupIds) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id());
        view.putAll(user.attributes());
        view.put("state", user.state().name());
        if (user.deletedAt() != null) {
            view.put(LocalDirectoryReader.DELETED, user.deletedAt().toString());
        }
        view.put(LocalDirectoryReader.ASSIGNMENTS, rolesOf.getOrDefault(user.id(), List.of()));
        view.put("effectiveAssignments", assignments.ofUser(user.id()).stream().map(DirectoryView::assignment).toList());
        view.put("groupIds", groupIds);
        return view;
    }

    public static Map<String, Object> user(Directory directory, String id) {
        List<String> groupIds = directory.memberships().stream().filter(m -> m.memberId().equals(id)).map(Membership::groupId).toList();
        return user(directory.users().get(id), AssignmentResolver.resolve(directory), roleRefs(directory), groupIds);
    }

    public static Map<String, Object> group(Directory directory, String id) {
        List<String> members = directory.memberships().stream().filter(m -> m.groupId().equals(id)).map(Membership::memberId).toList();
        return group(directory.groups().get(id), roleRefs(directory), members);
    }

    private static Map<String, Object> group(Group group, Map<String, List<String>> rolesOf, List<String> members) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", group.id());
        view.putAll(group.attributes());
        view.put("state", group.state().name());
        if (group.deletedAt() != null) {
            view.put(LocalDirectoryReader.DELETED, group.deletedAt().toString());
        }
        view.put(LocalDirectoryReader.ASSIGNMENTS, rolesOf.getOrDefault(group.id(), List.of()));
        view.put(LocalDirectoryReader.MEMBERS, members);
        return view;
    }

    private static Map<String, List<String>> roleRefs(Directory directory) {
        Map<String, List<String>> refs = new HashMap<>();
        for (AppRoleGrant grant : directory.grants()) {
            AppRole role = directory.appRole(grant.appRoleId());
            refs.computeIfAbsent(grant.principalId(), id -> new ArrayList<>())
                    .add(role == null ? grant.appRoleId() : role.value() != null ? role.value() : role.displayName());
        }
        return refs;
    }

    private static Map<String, Object> role(AppRole role) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", role.id());
        view.put("value", role.value());
        view.put("displayName", role.displayName());
        return view;
    }

    private static Map<String, Object> assignment(EffectiveAssignment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("appRoleId", a.appRoleId());
        view.put("appRoleValue", a.appRoleValue());
        view.put("appRoleDisplayName", a.appRoleDisplayName());
        view.put("viaGroupId", a.viaGroupId());
        view.put("viaGroupDisplayName", a.viaGroupDisplayName());
        return view;
    }
}
