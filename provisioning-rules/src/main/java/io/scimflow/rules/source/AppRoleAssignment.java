package io.scimflow.rules.source;

import java.util.Locale;
import java.util.Objects;

/**
 * One effective app role assignment of a user (or of a group) to the app. Immutable.
 *
 * @param appRoleId the app role id; {@link #DEFAULT_ACCESS_ROLE_ID} when assigned without
 * a specific role
 * @param appRoleValue the role's value (what is provisioned), may be null
 * @param appRoleDisplayName the role's display name, may be null
 * @param viaGroupId the assigned group the user is a direct member of, or null when the
 * assignment is direct
 * @param viaGroupDisplayName that group's display name, may be null
 */
public record AppRoleAssignment(String appRoleId, String appRoleValue, String appRoleDisplayName, String viaGroupId,
		String viaGroupDisplayName) {

	/** The role id Graph uses for "assigned without a specific role" (Default Access). */
	public static final String DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000";

	/** The value gallery apps give their "Default Access" role. */
	public static final String DEFAULT_ACCESS_ROLE_VALUE = "msiam_access";

	public AppRoleAssignment {
		Objects.requireNonNull(appRoleId, "appRoleId");
	}

	/** A direct assignment with the given role. */
	public static AppRoleAssignment direct(String appRoleId, String value, String displayName) {
		return new AppRoleAssignment(appRoleId, value, displayName, null, null);
	}

	/** An assignment through a group the user is a direct member of. */
	public static AppRoleAssignment viaGroup(String appRoleId, String value, String displayName, String groupId,
			String groupDisplayName) {
		return new AppRoleAssignment(appRoleId, value, displayName, groupId, groupDisplayName);
	}

	/** True when the assignment is direct rather than inherited from a group. */
	public boolean isDirect() {
		return this.viaGroupId == null;
	}

	/**
	 * True for the "Default Access" role: the all-zero role id, the gallery value
	 * {@code msiam_access}, or the display name "Default Access".
	 */
	public boolean isDefaultAccess() {
		return DEFAULT_ACCESS_ROLE_ID.equals(this.appRoleId)
				|| (this.appRoleValue != null
						&& DEFAULT_ACCESS_ROLE_VALUE.equals(this.appRoleValue.toLowerCase(Locale.ROOT)))
				|| (this.appRoleDisplayName != null && "default access".equals(this.appRoleDisplayName.toLowerCase(Locale.ROOT)));
	}

	@Override
	public String toString() {
		return "role " + (this.appRoleValue != null ? this.appRoleValue : this.appRoleId)
				+ (isDirect() ? " (direct)" : " (via group " + this.viaGroupId + ")");
	}

}
