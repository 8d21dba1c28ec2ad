package io.scimflow.rules.decision;

/** What the target must do with a group's members. */
public enum MembershipAction {

	ADD_MEMBERS, REMOVE_MEMBERS, NONE

}
