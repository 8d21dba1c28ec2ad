package io.scimflow.producer.local;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;

/** The edits the local directory API offers, as changes to a {@link DirectoryBuilder}. */
public final class DirectoryEdits {

    /** The object an edit names does not exist. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The edit is not valid (e.g. an unknown role, a member that is neither user nor group). */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    private DirectoryEdits() {
    }

    /** Creates the user, or replaces its attributes (keeping its lifecycle). */
    public static Consumer<DirectoryBuilder> putUser(String id, Map<String, Object> attributes) {
        return d -> {
            if (d.group(id) != null) {
                throw new Invalid("'" + id + "' is a group id");
            }
            User existing = d.user(id);
            d.putUser(existing == null ? User.active(id, withoutNulls(attributes)) : existing.withAttributes(withoutNulls(attributes)));
        };
    }

    /** Changes some attributes of a user; a null value removes the attribute. */
    public static Consumer<DirectoryBuilder> patchUser(String id, Map<String, Object> changes) {
        return d -> {
            User user = user(d, id);
            d.putUser(user.withAttributes(merge(user.attributes(), changes)));
        };
    }

    public static Consumer<DirectoryBuilder> deleteUser(String id, boolean hard, Instant now) {
        return d -> {
            User user = user(d, id);
            if (hard) {
                d.removeUser(id);
            } else {
                d.putUser(user.softDeleted(now));
            }
        };
    }

    public static Consumer<DirectoryBuilder> restoreUser(String id) {
        return d -> d.putUser(user(d, id).restored());
    }

    public static Consumer<DirectoryBuilder> putGroup(String id, Map<String, Object> attributes) {
        return d -> {
            if (d.user(id) != null) {
                throw new Invalid("'" + id + "' is a user id");
            }
            Group existing = d.group(id);
            d.putGroup(existing == null ? Group.active(id, withoutNulls(attributes)) : existing.withAttributes(withoutNulls(attributes)));
        };
    }

    public static Consumer<DirectoryBuilder> patchGroup(String id, Map<String, Object> changes) {
        return d -> {
            Group group = group(d, id);
            d.putGroup(group.withAttributes(merge(group.attributes(), changes)));
        };
    }

    public static Consumer<DirectoryBuilder> deleteGroup(String id, boolean hard, Instant now) {
        return d -> {
            Group group = group(d, id);
            if (hard) {
                d.removeGroup(id);
            } else {
                d.putGroup(group.softDeleted(now));
            }
        };
    }

    public static Consumer<DirectoryBuilder> restoreGroup(String id) {
        return d -> d.putGroup(group(d, id).restored());
    }

    /** Assigns a user or group to the app with a role named by id, value or display name. */
    public static Consumer<DirectoryBuilder> assign(String principalId, String role) {
        return d -> d.grant(grant(d, principalId, role));
    }

    public static Consumer<DirectoryBuilder> unassign(String principalId, String role) {
        return d -> {
            AppRoleGrant grant = grant(d, principalId, role);
            if (!d.grants().contains(grant)) {
                throw new NotFound("'" + principalId + "' is not assigned the role '" + role + "'");
            }
            d.revoke(grant);
        };
    }

    public static Consumer<DirectoryBuilder> addMember(String groupId, String memberId) {
        return d -> {
            group(d, groupId);
            MemberType type = d.user(memberId) != null ? MemberType.USER : d.group(memberId) != null ? MemberType.GROUP : null;
            if (type == null) {
                throw new NotFound("No user or group '" + memberId + "'");
            }
            if (memberId.equals(groupId)) {
                throw new Invalid("A group cannot be a member of itself");
            }
            d.addMember(groupId, memberId, type);
        };
    }

    public static Consumer<DirectoryBuilder> removeMember(String groupId, String memberId) {
        return d -> {
            group(d, groupId);
            if (!d.hasMember(groupId, memberId)) {
                throw new NotFound("'" + memberId + "' is not a member of group '" + groupId + "'");
            }
            d.removeMember(groupId, memberId);
        };
    }

    private static AppRoleGrant grant(DirectoryBuilder d, String principalId, String roleRef) {
        PrincipalType type = d.user(principalId) != null ? PrincipalType.USER
                : d.group(principalId) != null ? PrincipalType.GROUP : null;
        if (type == null) {
            throw new NotFound("No user or group '" + principalId + "'");
        }
        return new AppRoleGrant(principalId, type, roleId(d, roleRef));
    }

    static String roleId(DirectoryBuilder d, String ref) {
        Map<String, AppRole> roles = new HashMap<>(d.appRoles());
        roles.putIfAbsent(AppRole.DEFAULT_ACCESS_ID, AppRole.DEFAULT_ACCESS);
        String found = null;
        for (AppRole role : roles.values()) {
            if (ref.equals(role.id()) || ref.equals(role.value()) || ref.equals(role.displayName())) {
                if (found != null && !found.equals(role.id())) {
                    throw new Invalid("App role '" + ref + "' is ambiguous; use its id");
                }
                found = role.id();
            }
        }
        if (found == null) {
            throw new Invalid("Unknown app role '" + ref + "' (known: " + roles.values().stream()
                    .map(r -> r.value() != null ? r.value() : r.displayName()).toList() + ")");
        }
        return found;
    }

    private static User user(DirectoryBuilder d, String id) {
        User user = d.user(id);
        if (user == null) {
            throw new NotFound("No user '" + id + "'");
        }
        return user;
    }

    private static Group group(DirectoryBuilder d, String id) {
        Group group = d.group(id);
        if (group == null) {
            throw new NotFound("No group '" + id + "'");
        }
        return group;
    }

    private static Map<String, Object> merge(Map<String, Object> attributes, Map<String, Object> changes) {
        Map<String, Object> merged = new HashMap<>(attributes);
        changes.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        return merged;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> attributes) {
        Map<String, Object> copy = new HashMap<>();
        attributes.forEach((k, v) -> {
            if (v != null && !k.equals("id")) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
