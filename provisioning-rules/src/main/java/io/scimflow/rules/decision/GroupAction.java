package io.scimflow.rules.decision;

/** What the target must do with a group. */
public enum GroupAction {

	/** Create when absent (if the target allows), else update. */
	UPSERT_GROUP,
	/** Delete, if managed and allowed. */
	DELETE_GROUP,
	/** Nothing to emit. */
	NONE

}
