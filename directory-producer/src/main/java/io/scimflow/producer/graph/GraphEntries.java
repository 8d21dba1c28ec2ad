package io.scimflow.producer.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;

/**
 * Applies Graph delta entries to a directory: objects are merged (a property present with
 * null clears it, an absent one is kept), {@code @removed} with reason {@code changed} is a
 * soft delete and {@code deleted} a hard delete, and {@code members@delta} adds or removes
 * members. {@code onPremisesExtensionAttributes} is flattened into
 * {@code extensionAttribute1..15}; a user's manager ({@code manager@delta}) becomes its
 * {@value #MANAGER_ID}. A removal of an object never seen is ignored.
 */
final class GraphEntries {

    private static final String REMOVED = "@removed";
    private static final String MEMBERS_DELTA = "members@delta";
    private static final String MANAGER = "manager";
    private static final String MANAGER_DELTA = "manager@delta";
    /** The user attribute that becomes {@code DirectoryUser.managerId}. */
    static final String MANAGER_ID = "managerId";

    private GraphEntries() {
    }

    static void applyUser(DirectoryBuilder directory, JsonNode entry, Instant now) {
        String id = entry.path("id").asText();
        User existing = directory.user(id);
        if (entry.has(REMOVED)) {
            if ("deleted".equals(entry.path(REMOVED).path("reason").asText())) {
                directory.removeUser(id);
            } else if (existing != null) {
                directory.putUser(existing.softDeleted(now));
            }
            return;
        }
        Map<String, Object> attributes = merge(existing == null ? Map.of() : existing.attributes(), entry);
        applyManager(attributes, entry);
        directory.putUser(existing == null ? User.active(id, attributes) : existing.withAttributes(attributes).restored());
    }

    /**
     * The manager of a user entry (when {@code manager} is among the selected attributes) into
     * {@value #MANAGER_ID}: {@code manager@delta} entries in order, an entry with
     * {@code @removed} clearing the manager it names (or any, when it names none); or, the
     * {@code $expand} shape, a {@code manager} object ({@code null} clears it). An entry without
     * either keeps the manager it had.
     */
    static void applyManager(Map<String, Object> attributes, JsonNode entry) {
        for (JsonNode manager : entry.path(MANAGER_DELTA)) {
            String managerId = manager.path("id").asText(null);
            if (manager.has(REMOVED)) {
                if (managerId == null || managerId.equals(attributes.get(MANAGER_ID))) {
                    attributes.remove(MANAGER_ID);
                }
            } else if (managerId != null) {
                attributes.put(MANAGER_ID, managerId);
            }
        }
        JsonNode expanded = entry.get(MANAGER);
        if (expanded != null && expanded.isNull()) {
            attributes.remove(MANAGER_ID);
        } else if (expanded != null && expanded.hasNonNull("id")) {
            attributes.put(MANAGER_ID, expanded.get("id").asText());
        }
    }

    static void applyGroup(DirectoryBuilder directory, JsonNode entry, Instant now) {
        String id = entry.path("id").asText();
        Group existing = directory.group(id);
        if (entry.has(REMOVED)) {
            if ("deleted".equals(entry.path(REMOVED).path("reason").asText())) {
                directory.removeGroup(id);
            } else if (existing != null) {
                directory.putGroup(existing.softDeleted(now));
            }
            return;
        }
        Map<String, Object> attributes = merge(existing == null ? Map.of() : existing.attributes(), entry);
        directory.putGroup(existing == null ? Group.active(id, attributes) : existing.withAttributes(attributes).restored());
        for (JsonNode member : entry.path(MEMBERS_DELTA)) {
            String memberId = member.path("id").asText();
            if (member.has(REMOVED)) {
                directory.removeMember(id, memberId);
            } else {
                directory.addMember(id, memberId, memberType(member.path("@odata.type").asText("")));
            }
        }
    }

    static MemberType memberType(String odataType) {
        return switch (odataType) {
            case "#microsoft.graph.user" -> MemberType.USER;
            case "#microsoft.graph.group" -> MemberType.GROUP;
            default -> MemberType.OTHER;
        };
    }

    private static Map<String, Object> merge(Map<String, Object> current, JsonNode entry) {
        Map<String, Object> attributes = new HashMap<>(current);
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("id") || name.equals(MANAGER) || name.contains("@")) {
                continue;
            }
            if (name.equals("onPremisesExtensionAttributes")) {
                value.fields().forEachRemaining(ext -> put(attributes, ext.getKey(), ext.getValue()));
                continue;
            }
            put(attributes, name, value);
        }
        return attributes;
    }

    private static void put(Map<String, Object> attributes, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            attributes.remove(name);
        } else if (value.isBoolean()) {
            attributes.put(name, value.booleanValue());
        } else if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            attributes.put(name, items);
        } else if (value.isValueNode()) {
            attributes.put(name, value.asText());
        } else {
            attributes.put(name, value.toString());
        }
    }

    /** The service principal's app roles ({@code GET /servicePrincipals/{id}}: {@code appRoles}). */
    static List<AppRole> appRoles(JsonNode servicePrincipal) {
        List<AppRole> roles = new ArrayList<>();
        for (JsonNode role : servicePrincipal.path("appRoles")) {
            roles.add(new AppRole(role.path("id").asText(), role.path("value").asText(null), role.path("displayName").asText(null)));
        }
        return roles;
    }

    /** One {@code appRoleAssignment} of {@code appRoleAssignedTo}; null for service principals. */
    static AppRoleGrant grant(JsonNode assignment) {
        PrincipalType type = switch (assignment.path("principalType").asText()) {
            case "User" -> PrincipalType.USER;
            case "Group" -> PrincipalType.GROUP;
            default -> null;
        };
        if (type == null || assignment.hasNonNull("deletedDateTime")) {
            return null;
        }
        return new AppRoleGrant(assignment.path("principalId").asText(), type,
                assignment.path("appRoleId").asText(AppRole.DEFAULT_ACCESS_ID));
    }
}
