package io.scimflow.producer.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A mutable directory, for sources that assemble one change by change. Not thread-safe. */
public final class DirectoryBuilder {

    private final Map<String, User> users;
    private final Map<String, Group> groups;
    private final Map<String, Membership> memberships;
    private final Map<String, AppRole> appRoles;
    private final Set<AppRoleGrant> grants;

    public DirectoryBuilder() {
        this(Directory.EMPTY);
    }

    DirectoryBuilder(Directory from) {
        users = new LinkedHashMap<>(from.users());
        groups = new LinkedHashMap<>(from.groups());
        memberships = new LinkedHashMap<>();
        from.memberships().forEach(m -> memberships.put(key(m.groupId(), m.memberId()), m));
        appRoles = new LinkedHashMap<>(from.appRoles());
        grants = new LinkedHashSet<>(from.grants());
    }

    public Directory build() {
        return new Directory(users, groups, memberships.values(), appRoles, grants);
    }

    public User user(String id) {
        return users.get(id);
    }

    public Group group(String id) {
        return groups.get(id);
    }

    public DirectoryBuilder putUser(User user) {
        users.put(user.id(), user);
        return this;
    }

    public DirectoryBuilder putGroup(Group group) {
        groups.put(group.id(), group);
        return this;
    }

    /** Removes a user for good, with its memberships and its direct assignments. */
    public DirectoryBuilder removeUser(String id) {
        users.remove(id);
        memberships.values().removeIf(m -> m.memberId().equals(id));
        grants.removeIf(g -> g.principalId().equals(id));
        return this;
    }

    /** Removes a group for good, with its members, its memberships in other groups and its assignments. */
    public DirectoryBuilder removeGroup(String id) {
        groups.remove(id);
        memberships.values().removeIf(m -> m.groupId().equals(id) || m.memberId().equals(id));
        grants.removeIf(g -> g.principalId().equals(id));
        return this;
    }

    public DirectoryBuilder addMember(String groupId, String memberId, MemberType type) {
        memberships.put(key(groupId, memberId), new Membership(groupId, memberId, type));
        return this;
    }

    public DirectoryBuilder removeMember(String groupId, String memberId) {
        memberships.remove(key(groupId, memberId));
        return this;
    }

    public DirectoryBuilder removeAllMembers(String groupId) {
        memberships.values().removeIf(m -> m.groupId().equals(groupId));
        return this;
    }

    public DirectoryBuilder putAppRole(AppRole role) {
        appRoles.put(role.id(), role);
        return this;
    }

    public DirectoryBuilder replaceAppRoles(Collection<AppRole> roles) {
        appRoles.clear();
        roles.forEach(this::putAppRole);
        return this;
    }

    public DirectoryBuilder grant(AppRoleGrant grant) {
        grants.add(grant);
        return this;
    }

    public DirectoryBuilder revoke(AppRoleGrant grant) {
        grants.remove(grant);
        return this;
    }

    public DirectoryBuilder replaceGrants(Collection<AppRoleGrant> newGrants) {
        grants.clear();
        grants.addAll(newGrants);
        return this;
    }

    public DirectoryBuilder clearObjects() {
        users.clear();
        groups.clear();
        memberships.clear();
        return this;
    }

    public Map<String, User> users() {
        return users;
    }

    public Map<String, Group> groups() {
        return groups;
    }

    public Collection<Membership> memberships() {
        return memberships.values();
    }

    public boolean hasMember(String groupId, String memberId) {
        return memberships.containsKey(key(groupId, memberId));
    }

    private static String key(String groupId, String memberId) {
        return groupId + '\u0000' + memberId;
    }

    public Map<String, AppRole> appRoles() {
        return appRoles;
    }

    public Set<AppRoleGrant> grants() {
        return grants;
    }
}
