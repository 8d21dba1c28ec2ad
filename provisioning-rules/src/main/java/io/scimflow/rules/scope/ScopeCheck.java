package io.scimflow.rules.scope;

/** The checks that make up a scoping decision, in the order they are made. */
public enum ScopeCheck {

	/** Active, soft-deleted or hard-deleted in the directory. */
	LIFECYCLE,
	/** Assigned to the app, directly or through a direct group membership. */
	ASSIGNMENT,
	/** Has a role other than Default Access (when the app requires one). */
	APP_ROLE,
	/** Passes the object type's scoping filters. */
	SCOPING_FILTER,
	/** {@code accountEnabled} is not false. */
	ACCOUNT_ENABLED

}
