package io.scimflow.rules.decision;

import java.util.List;

/**
 * The rules' verdict for one membership fact. Immutable.
 *
 * @param groupId the group's source id
 * @param action add, remove or nothing
 * @param memberSourceIds the members' source ids
 * @param reason why this action
 */
public record MembershipDecision(String groupId, MembershipAction action, List<String> memberSourceIds, String reason) {

	public MembershipDecision {
		memberSourceIds = List.copyOf(memberSourceIds);
	}

}
