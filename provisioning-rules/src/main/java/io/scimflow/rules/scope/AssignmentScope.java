package io.scimflow.rules.scope;

/** Which directory objects the app considers at all (Entra's "Scope" setting). */
public enum AssignmentScope {

	/** "Sync only assigned users and groups" (the default). */
	ASSIGNED_ONLY,
	/** "Sync all users and groups": only the scoping filters decide. */
	ALL

}
