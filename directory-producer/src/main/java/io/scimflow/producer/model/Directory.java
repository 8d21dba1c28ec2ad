package io.scimflow.producer.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the directory as one source sees it: users, groups, direct
 * memberships, the application's roles and the app role assignments. Hard-deleted
 * objects are absent; soft-deleted ones are present with {@link ObjectState#SOFT_DELETED}.
 * Maps keep insertion order, so a file written from a snapshot keeps its order.
 */
public record Directory(
        Map<String, User> users,
        Map<String, Group> groups,
        Collection<Membership> memberships,
        Map<String, AppRole> appRoles,
        Set<AppRoleGrant> grants) {

    public static final Directory EMPTY = new Directory(Map.of(), Map.of(), Set.of(), Map.of(), Set.of());

    public Directory {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        memberships = Collections.unmodifiableSet(new LinkedHashSet<>(memberships));
        appRoles = Collections.unmodifiableMap(new LinkedHashMap<>(appRoles));
        grants = Collections.unmodifiableSet(new LinkedHashSet<>(grants));
    }

    public DirectoryBuilder toBuilder() {
        return new DirectoryBuilder(this);
    }

    public int objectCount() {
        return users.size() + groups.size() + memberships.size();
    }

    /** The role with this id; Default Access is known even when the app does not list it. */
    public AppRole appRole(String id) {
        AppRole role = appRoles.get(id);
        if (role == null && AppRole.DEFAULT_ACCESS_ID.equals(id)) {
            return AppRole.DEFAULT_ACCESS;
        }
        return role;
    }
}
