package io.scimflow.rules.decision;

/** What the target must do with a user. */
public enum UserAction {

	/** Create when absent (if allowed), else update to the mapped state. */
	UPSERT,
	/** Set active=false, if the sink manages the user. */
	DISABLE,
	/** Delete, if the sink manages the user. */
	DELETE,
	/** Nothing to emit. */
	NONE

}
