package io.scimflow.rules.decision;

import java.util.List;

/**
 * The rules' verdict for one membership fact. Immutable.
 *
 * @param groupId the group's source id
 * @param action add, remove or nothing
 * @param memberSourceIds the members' source ids
 * @param createAllowed the groups' Create target action (a member change never creates the
 * group; carried so every operation states the app's permissions)
 * @param updateAllowed the groups' Update target action (always true for ADD_MEMBERS and
 * REMOVE_MEMBERS: with Update off the decision is NONE)
 * @param reason why this action
 */
public record MembershipDecision(String groupId, MembershipAction action, List<String> memberSourceIds,
		boolean createAllowed, boolean updateAllowed, String reason) {

	public MembershipDecision {
		memberSourceIds = List.copyOf(memberSourceIds);
	}

}
