package io.scimflow.rules.scope;

import java.util.ArrayList;
import java.util.List;

import io.scimflow.rules.filter.FilterEvaluator;
import io.scimflow.rules.filter.FilterResult;
import io.scimflow.rules.filter.ScopingFilter;
import io.scimflow.rules.source.AppRoleAssignment;
import io.scimflow.rules.source.Lifecycle;
import io.scimflow.rules.source.ObjectType;
import io.scimflow.rules.source.SourceObject;

/**
 * Decides whether a directory object is in an app's scope, the way Entra does: assignment
 * (direct, or through a group the object is a direct member of: the directory producer
 * has already left nested groups out), the Default Access rule, the scoping filters, the
 * lifecycle and {@code accountEnabled}. Stateless and thread-safe.
 */
public final class ScopeEvaluator {

	private final ScopeSettings settings;

	private final FilterEvaluator filters = new FilterEvaluator();

	public ScopeEvaluator(ScopeSettings settings) {
		this.settings = settings;
	}

	/** Evaluates the scope of one object against its object type's scoping filter. */
	public ScopeDecision evaluate(SourceObject object, ScopingFilter filter) {
		List<ScopeReason> reasons = new ArrayList<>();
		Lifecycle lifecycle = object.lifecycle();
		boolean hardDeleted = lifecycle == Lifecycle.HARD_DELETED;
		boolean softDeleted = lifecycle == Lifecycle.SOFT_DELETED;
		reasons.add(new ScopeReason(ScopeCheck.LIFECYCLE, lifecycle == Lifecycle.ACTIVE, switch (lifecycle) {
			case ACTIVE -> "active in the directory";
			case SOFT_DELETED -> "soft-deleted in the directory";
			case HARD_DELETED -> "hard-deleted in the directory";
		}));
		boolean entitled = entitlement(object, reasons);
		FilterResult filterResult = this.filters.evaluate(filter, object::attribute);
		reasons.add(new ScopeReason(ScopeCheck.SCOPING_FILTER, filterResult.passed(), filterResult.detail()));
		boolean enabled = true;
		if (object.objectType() == ObjectType.USER) {
			enabled = object.accountEnabled();
			reasons.add(new ScopeReason(ScopeCheck.ACCOUNT_ENABLED, enabled,
					enabled ? "account enabled" : "account disabled (accountEnabled=false)"));
		}
		boolean isSoftDeleted = !entitled || !filterResult.passed() || softDeleted || hardDeleted || !enabled;
		return new ScopeDecision(entitled, filterResult.passed(), isSoftDeleted, hardDeleted, reasons);
	}

	private boolean entitlement(SourceObject object, List<ScopeReason> reasons) {
		if (this.settings.assignment() == AssignmentScope.ALL) {
			reasons.add(new ScopeReason(ScopeCheck.ASSIGNMENT, true, "scope is 'sync all': assignment not required"));
			return true;
		}
		List<AppRoleAssignment> assignments = object.appRoleAssignments();
		if (assignments.isEmpty()) {
			reasons.add(new ScopeReason(ScopeCheck.ASSIGNMENT, false, "not assigned to the app"));
			return false;
		}
		reasons.add(new ScopeReason(ScopeCheck.ASSIGNMENT, true, "assigned: " + describe(assignments)));
		if (object.objectType() == ObjectType.USER && this.settings.excludeDefaultAccessOnly()) {
			boolean hasRole = assignments.stream().anyMatch((a) -> !a.isDefaultAccess());
			reasons.add(new ScopeReason(ScopeCheck.APP_ROLE, hasRole, hasRole ? "has an app role other than Default Access"
					: "only the Default Access role, which this app does not provision"));
			return hasRole;
		}
		return true;
	}

	private static String describe(List<AppRoleAssignment> assignments) {
		List<String> parts = new ArrayList<>();
		for (AppRoleAssignment a : assignments) {
			String role = (a.appRoleValue() != null) ? a.appRoleValue()
					: (a.isDefaultAccess() ? "Default Access" : a.appRoleId());
			parts.add(role + (a.isDirect() ? " (direct)"
					: " (via group " + ((a.viaGroupDisplayName() != null) ? a.viaGroupDisplayName() : a.viaGroupId()) + ")"));
		}
		return String.join(", ", parts);
	}

}
