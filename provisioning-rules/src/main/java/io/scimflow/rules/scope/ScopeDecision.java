package io.scimflow.rules.scope;

import java.util.List;

/**
 * Whether an object is in the app's scope, and why. Immutable.
 *
 * @param entitled assigned (or sync-all) and, when required, holding a real app role
 * @param passesFilter passes the scoping filters
 * @param softDeleted Entra's computed {@code IsSoftDeleted}: not entitled, failing the
 * filter, soft-deleted or {@code accountEnabled=false}
 * @param hardDeleted the object is hard-deleted
 * @param reasons every check with its outcome
 */
public record ScopeDecision(boolean entitled, boolean passesFilter, boolean softDeleted, boolean hardDeleted,
		List<ScopeReason> reasons) {

	public ScopeDecision {
		reasons = List.copyOf(reasons);
	}

	/** In scope: entitled and passing the filters (it may still be disabled or soft-deleted). */
	public boolean inScope() {
		return this.entitled && this.passesFilter;
	}

	/** In scope, not soft- or hard-deleted and enabled: the object should exist and be active. */
	public boolean active() {
		return inScope() && !this.softDeleted && !this.hardDeleted;
	}

	/** The failed checks in one line, or "in scope". */
	public String summary() {
		boolean anyFailed = false;
		for (ScopeReason reason : this.reasons) {
			anyFailed |= !reason.passed();
		}
		StringBuilder summary = new StringBuilder(anyFailed ? "" : "in scope: ");
		String separator = "";
		for (ScopeReason reason : this.reasons) {
			if (!anyFailed || !reason.passed()) {
				summary.append(separator).append(reason.detail());
				separator = "; ";
			}
		}
		return summary.toString();
	}

}
