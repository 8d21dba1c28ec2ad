package io.scimflow.rules.source;

import java.util.Objects;

/**
 * One membership fact: the member is (present) or is no longer (not present) a direct
 * member of the group. Immutable.
 *
 * @param groupId the group's source id
 * @param memberId the member's source id
 * @param memberType what the member is
 * @param present true when the member is in the group, false for a removal
 */
public record MembershipFact(String groupId, String memberId, MemberType memberType, boolean present) {

	/** What kind of object a member is. */
	public enum MemberType {

		USER, GROUP, OTHER

	}

	public MembershipFact {
		Objects.requireNonNull(groupId, "groupId");
		Objects.requireNonNull(memberId, "memberId");
		memberType = (memberType != null) ? memberType : MemberType.USER;
	}

	@Override
	public String toString() {
		return (this.present ? "member " : "former member ") + this.memberId + " of group " + this.groupId;
	}

}
