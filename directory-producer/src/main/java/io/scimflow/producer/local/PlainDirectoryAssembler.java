package io.scimflow.producer.local;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.ObjectState;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;

/**
 * Builds the directory of a plain file object by object, for the fast readers: they put one
 * object's keys into {@link #fields} (a value is a String, a Boolean, {@link Null#NULL} or a
 * list of the items' text) and call {@link #appRole}, {@link #user} or {@link #group} as the
 * object ends, sections in the order appRoles, users, groups. Anything the thorough reader
 * would refuse, or would read with a nuance this class does not keep, is
 * {@linkplain PlainDirectoryReader.Declined declined}.
 */
final class PlainDirectoryAssembler {

    /** A null value: present (so {@code members:} counts as a key) but no value. */
    enum Null { NULL }

    private final DirectoryBuilder builder = new DirectoryBuilder();
    private final AppRoleReferences roles = new AppRoleReferences();
    private final Map<String, List<String>> pendingMembers = new LinkedHashMap<>();
    /** One object's keys, cleared by {@link #next}. */
    private final Map<String, Object> fields = new HashMap<>();

    /** Starts the next object; returns its (empty) fields. */
    Map<String, Object> next() {
        fields.clear();
        return fields;
    }

    /** Adds the memberships (every object is known now) and returns the directory. */
    Directory finish() {
        members();
        return builder.build();
    }

    void appRole() {
        String id = requiredText(LocalDirectoryReader.ID);
        AppRole role = new AppRole(id, optionalText("value"), optionalText("displayName"));
        builder.putAppRole(role);
        roles.add(role);
    }

    void user() {
        String id = requiredText(LocalDirectoryReader.ID);
        check(builder.user(id) == null, "unique user ids");
        Instant deleted = deleted();
        Object assignments = fields.remove(LocalDirectoryReader.ASSIGNMENTS);
        builder.putUser(new User(id, attributes(), deleted == null ? ObjectState.ACTIVE : ObjectState.SOFT_DELETED, deleted));
        grant(id, PrincipalType.USER, assignments);
    }

    void group() {
        String id = requiredText(LocalDirectoryReader.ID);
        check(builder.group(id) == null && builder.user(id) == null, "unique ids");
        Instant deleted = deleted();
        Object assignments = fields.remove(LocalDirectoryReader.ASSIGNMENTS);
        boolean hasMembers = fields.containsKey(LocalDirectoryReader.MEMBERS);
        Object members = fields.remove(LocalDirectoryReader.MEMBERS);
        builder.putGroup(new Group(id, attributes(), deleted == null ? ObjectState.ACTIVE : ObjectState.SOFT_DELETED, deleted));
        grant(id, PrincipalType.GROUP, assignments);
        if (hasMembers) {
            pendingMembers.put(id, list(members));
        }
    }

    /** The attributes left in {@link #fields} once the reserved ones are removed. */
    private Map<String, Object> attributes() {
        fields.remove(LocalDirectoryReader.ID);
        fields.remove(LocalDirectoryReader.DELETED);
        Map<String, Object> attributes = new HashMap<>(fields.size() * 2);
        fields.forEach((name, value) -> {
            if (value != Null.NULL) {
                attributes.put(name, value);
            }
        });
        return attributes;
    }

    private String requiredText(String key) {
        String value = optionalText(key);
        check(value != null && !value.isBlank(), "an id");
        return value;
    }

    /** A scalar's text, null when absent or null; declines on a list or a boolean (rare: the thorough reader keeps its spelling). */
    private String optionalText(String key) {
        Object value = fields.get(key);
        if (value == null || value == Null.NULL) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new PlainDirectoryReader.Declined("a single text value for " + key);
    }

    private Instant deleted() {
        String text = optionalText(LocalDirectoryReader.DELETED);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new PlainDirectoryReader.Declined("an ISO-8601 instant");
        }
    }

    /** The items of a list field: none when absent or null; declines on a single value. */
    private static List<String> list(Object value) {
        if (value == null || value == Null.NULL) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) list;
            return items;
        }
        throw new PlainDirectoryReader.Declined("a list");
    }

    private void grant(String principalId, PrincipalType type, Object assignments) {
        for (String ref : list(assignments)) {
            check(!roles.ambiguous(ref), "an unambiguous role");
            String roleId = roles.id(ref);
            check(roleId != null, "a known role");
            builder.grant(new AppRoleGrant(principalId, type, roleId));
        }
    }

    private void members() {
        pendingMembers.forEach((groupId, members) -> {
            for (String memberId : members) {
                MemberType type = builder.user(memberId) != null ? MemberType.USER
                        : builder.group(memberId) != null ? MemberType.GROUP : null;
                check(type != null, "members that exist");
                builder.addMember(groupId, memberId, type);
            }
        });
    }

    private static void check(boolean condition, String expected) {
        if (!condition) {
            throw new PlainDirectoryReader.Declined("expected " + expected);
        }
    }
}
