package io.scimflow.miroserver;

import java.util.List;
import java.util.Objects;

/**
 * An account to pre-create on the server without SCIM (for example one the pipeline never
 * linked, a Company Admin, a team admin, or a guest, which SCIM cannot see). Immutable;
 * start with {@link #member(String)} and refine with the {@code with…} methods.
 *
 * @param userName email address, unique without regard to case
 * @param displayName full name, or null to derive it from userName
 * @param userType license, or null for the server's default
 * @param active false for a deactivated account
 * @param orgAdmin true for a Company Admin (ORGANIZATION_INTERNAL_ADMIN)
 * @param guest true for a guest: invisible to SCIM until a Group PATCH adds it to a team
 * @param teams team ids or display names the account belongs to
 * @param adminOfTeams team ids or display names where the account is a team admin (and member)
 */
public record SeedUser(String userName, String displayName, String userType, boolean active, boolean orgAdmin,
		boolean guest, List<String> teams, List<String> adminOfTeams) {

	public SeedUser {
		Objects.requireNonNull(userName, "userName");
		teams = (teams == null) ? List.of() : List.copyOf(teams);
		adminOfTeams = (adminOfTeams == null) ? List.of() : List.copyOf(adminOfTeams);
	}

	/** An active member with the default license, in no team. */
	public static SeedUser member(String userName) {
		return new SeedUser(userName, null, null, true, false, false, List.of(), List.of());
	}

	public SeedUser withDisplayName(String displayName) {
		return new SeedUser(this.userName, displayName, this.userType, this.active, this.orgAdmin, this.guest,
				this.teams, this.adminOfTeams);
	}

	public SeedUser withUserType(String userType) {
		return new SeedUser(this.userName, this.displayName, userType, this.active, this.orgAdmin, this.guest,
				this.teams, this.adminOfTeams);
	}

	public SeedUser withActive(boolean active) {
		return new SeedUser(this.userName, this.displayName, this.userType, active, this.orgAdmin, this.guest,
				this.teams, this.adminOfTeams);
	}

	public SeedUser withOrgAdmin(boolean orgAdmin) {
		return new SeedUser(this.userName, this.displayName, this.userType, this.active, orgAdmin, this.guest,
				this.teams, this.adminOfTeams);
	}

	public SeedUser withGuest(boolean guest) {
		return new SeedUser(this.userName, this.displayName, this.userType, this.active, this.orgAdmin, guest,
				this.teams, this.adminOfTeams);
	}

	public SeedUser withTeams(String... teamIdsOrNames) {
		return new SeedUser(this.userName, this.displayName, this.userType, this.active, this.orgAdmin, this.guest,
				List.of(teamIdsOrNames), this.adminOfTeams);
	}

	public SeedUser withAdminOfTeams(String... teamIdsOrNames) {
		return new SeedUser(this.userName, this.displayName, this.userType, this.active, this.orgAdmin, this.guest,
				this.teams, List.of(teamIdsOrNames));
	}

}
