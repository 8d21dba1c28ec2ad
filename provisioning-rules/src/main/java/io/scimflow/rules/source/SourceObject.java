package io.scimflow.rules.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The full current state of one directory object, as the rules see it: independent of
 * Avro and Kafka. Attribute names follow Microsoft Graph ({@code userPrincipalName},
 * {@code givenName}, {@code extension_<appId>_costCenter}, ...) and are looked up
 * case-insensitively, as Entra does. Values are strings, booleans, numbers or lists of
 * those (multi-valued attributes). Immutable and thread-safe.
 *
 * @param objectType user or group
 * @param id the source (directory) object id
 * @param lifecycle active, soft-deleted or hard-deleted
 * @param attributes attribute values by Graph name (copied into a case-insensitive map)
 * @param appRoleAssignments the effective app role assignments (direct, or via a group the
 * object is a direct member of)
 * @param groupIds ids of the groups the object is a direct member of
 */
public record SourceObject(ObjectType objectType, String id, Lifecycle lifecycle, Map<String, Object> attributes,
		List<AppRoleAssignment> appRoleAssignments, List<String> groupIds) {

	public SourceObject {
		Objects.requireNonNull(objectType, "objectType");
		Objects.requireNonNull(id, "id");
		lifecycle = (lifecycle != null) ? lifecycle : Lifecycle.ACTIVE;
		TreeMap<String, Object> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (attributes != null) {
			attributes.forEach((name, value) -> {
				if (value != null) {
					copy.put(name, (value instanceof List<?> list) ? Collections.unmodifiableList(new ArrayList<>(list)) : value);
				}
			});
		}
		attributes = Collections.unmodifiableMap(copy);
		appRoleAssignments = (appRoleAssignments != null) ? List.copyOf(appRoleAssignments) : List.of();
		groupIds = (groupIds != null) ? List.copyOf(groupIds) : List.of();
	}

	/** A user with the given attributes and assignments. */
	public static SourceObject user(String id, Lifecycle lifecycle, Map<String, Object> attributes,
			List<AppRoleAssignment> assignments, List<String> groupIds) {
		return new SourceObject(ObjectType.USER, id, lifecycle, attributes, assignments, groupIds);
	}

	/** A group with the given attributes and assignments. */
	public static SourceObject group(String id, Lifecycle lifecycle, Map<String, Object> attributes,
			List<AppRoleAssignment> assignments) {
		return new SourceObject(ObjectType.GROUP, id, lifecycle, attributes, assignments, List.of());
	}

	/** The value of an attribute, looked up case-insensitively; null when absent. */
	public Object attribute(String name) {
		return this.attributes.get(name);
	}

	/**
	 * {@code accountEnabled} as Entra reads it: false only when the attribute says so; an
	 * absent attribute counts as enabled.
	 */
	public boolean accountEnabled() {
		Object value = attribute("accountEnabled");
		if (value instanceof Boolean bool) {
			return bool;
		}
		return value == null || !"false".equalsIgnoreCase(value.toString().trim());
	}

	@Override
	public String toString() {
		return this.objectType.name().toLowerCase(java.util.Locale.ROOT) + " " + this.id + " (" + this.lifecycle + ")";
	}

}
