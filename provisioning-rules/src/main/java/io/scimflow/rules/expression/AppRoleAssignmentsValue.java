package io.scimflow.rules.expression;

import java.util.List;

import io.scimflow.rules.source.AppRoleAssignment;

/**
 * The value of the virtual attribute {@code [appRoleAssignments]}: the object's effective
 * app role assignments.
 *
 * @param assignments the assignments
 */
public record AppRoleAssignmentsValue(List<AppRoleAssignment> assignments) {

	public AppRoleAssignmentsValue {
		assignments = List.copyOf(assignments);
	}

	@Override
	public String toString() {
		return this.assignments.toString();
	}

}
