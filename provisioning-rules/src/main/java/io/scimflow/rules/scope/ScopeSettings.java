package io.scimflow.rules.scope;

import java.util.Objects;

/**
 * The app's scope settings. Immutable.
 *
 * @param assignment assigned-only (default) or all
 * @param excludeDefaultAccessOnly users whose only assignments are the Default Access role
 * are treated as not assigned (the Miro tutorial's rule); default on for Miro
 * @param skipOutOfScopeDeletions Entra's {@code SkipOutOfScopeDeletions}: users who leave
 * the scope are left alone instead of disabled
 * @param outOfScopeAction disable (default) or delete users who leave the scope
 */
public record ScopeSettings(AssignmentScope assignment, boolean excludeDefaultAccessOnly,
		boolean skipOutOfScopeDeletions, OutOfScopeAction outOfScopeAction) {

	/** Assigned only, Default Access counts as a role, disable on leaving the scope. */
	public static final ScopeSettings DEFAULT = new ScopeSettings(AssignmentScope.ASSIGNED_ONLY, false, false,
			OutOfScopeAction.DISABLE);

	public ScopeSettings {
		Objects.requireNonNull(assignment, "assignment");
		Objects.requireNonNull(outOfScopeAction, "outOfScopeAction");
	}

}
