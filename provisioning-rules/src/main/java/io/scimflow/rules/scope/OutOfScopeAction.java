package io.scimflow.rules.scope;

/** What happens to a previously provisioned user who leaves the scope. */
public enum OutOfScopeAction {

	/** Set {@code active=false} (Entra's behaviour for SCIM apps). */
	DISABLE,
	/** Delete the user on the target (for targets that do not support soft delete). */
	DELETE

}
