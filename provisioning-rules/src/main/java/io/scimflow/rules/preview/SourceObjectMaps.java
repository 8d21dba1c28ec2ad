package io.scimflow.rules.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.scimflow.rules.source.AppRoleAssignment;
import io.scimflow.rules.source.Lifecycle;
import io.scimflow.rules.source.SourceObject;

/**
 * Reads a user from the JSON shape the preview takes (already parsed into maps): every
 * top-level key is a Graph attribute, except {@code id}, {@code lifecycle},
 * {@code appRoleAssignments}, {@code groupIds} and {@code attributes} (a nested object of
 * further attributes).
 */
public final class SourceObjectMaps {

	private SourceObjectMaps() {
	}

	/**
	 * The user described by the map.
	 * @throws IllegalArgumentException naming the key that is wrong
	 */
	@SuppressWarnings("unchecked")
	public static SourceObject user(Map<String, Object> json) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		json.forEach((key, value) -> {
			if (!List.of("id", "lifecycle", "appRoleAssignments", "groupIds", "attributes").contains(key)) {
				attributes.put(key, value);
			}
		});
		if (json.get("attributes") instanceof Map<?, ?> nested) {
			((Map<String, Object>) nested).forEach(attributes::put);
		}
		String id = (json.get("id") != null) ? json.get("id").toString() : "preview-user";
		Lifecycle lifecycle = Lifecycle.ACTIVE;
		if (json.get("lifecycle") != null) {
			try {
				lifecycle = Lifecycle.valueOf(json.get("lifecycle").toString().trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("lifecycle must be ACTIVE, SOFT_DELETED or HARD_DELETED but is '"
						+ json.get("lifecycle") + "'");
			}
		}
		List<AppRoleAssignment> assignments = new ArrayList<>();
		Object roles = json.get("appRoleAssignments");
		if (roles instanceof List<?> list) {
			int i = 0;
			for (Object item : list) {
				if (!(item instanceof Map<?, ?> role) || role.get("appRoleId") == null) {
					throw new IllegalArgumentException("appRoleAssignments[" + i + "] needs an appRoleId");
				}
				assignments.add(new AppRoleAssignment(str(role.get("appRoleId")), str(role.get("appRoleValue")),
						str(role.get("appRoleDisplayName")), str(role.get("viaGroupId")), str(role.get("viaGroupDisplayName"))));
				i++;
			}
		}
		else if (roles != null) {
			throw new IllegalArgumentException("appRoleAssignments must be a list");
		}
		List<String> groupIds = new ArrayList<>();
		if (json.get("groupIds") instanceof List<?> list) {
			list.forEach((g) -> groupIds.add(String.valueOf(g)));
		}
		return SourceObject.user(id, lifecycle, attributes, assignments, groupIds);
	}

	private static String str(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
