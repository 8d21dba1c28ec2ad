package io.scimflow.rules.expression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SCIM {@code roles} built by AppRoleAssignmentsComplex (added to what the target
 * has) or AssertiveAppRoleAssignmentsComplex (replaces what the target has).
 *
 * @param roles the roles, each with primary, type, display and value
 * @param assertive true when the target's roles must be replaced by exactly these
 */
public record RoleValues(List<Role> roles, boolean assertive) {

	/** Entra's role type for app roles. */
	public static final String ENTRA_ROLE_TYPE = "WindowsAzureActiveDirectoryRole";

	public RoleValues {
		roles = List.copyOf(roles);
	}

	/** The roles as SCIM JSON objects. */
	public List<Map<String, Object>> asScim() {
		return this.roles.stream().map(Role::asScim).toList();
	}

	/**
	 * One SCIM role.
	 *
	 * @param primary whether it is the primary role
	 * @param type the role type
	 * @param display the display name (may be null)
	 * @param value the role value
	 */
	public record Role(boolean primary, String type, String display, String value) {

		Map<String, Object> asScim() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("primary", this.primary);
			map.put("type", this.type);
			if (this.display != null) {
				map.put("display", this.display);
			}
			map.put("value", this.value);
			return map;
		}

	}

}
