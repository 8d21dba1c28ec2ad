package io.scimflow.rules.expression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.rules.source.AppRoleAssignment;

/** The app role functions over {@code [appRoleAssignments]}. Default Access is no role. */
final class RoleFunctions {

	private RoleFunctions() {
	}

	// SingleAppRoleAssignment([appRoleAssignments]): one role value. Entra picks an
	// arbitrary one when there are several; we pick deterministically: direct before
	// via-group, then by value.
	static Object single(Invocation in) {
		List<AppRoleAssignment> roles = roles(in);
		return roles.stream()
			.sorted(Comparator.comparing((AppRoleAssignment a) -> !a.isDirect()).thenComparing(RoleFunctions::valueOf))
			.map(RoleFunctions::valueOf)
			.findFirst()
			.orElse(null);
	}

	static Object complex(Invocation in) {
		return new RoleValues(toScim(roles(in)), false);
	}

	static Object assertive(Invocation in) {
		return new RoleValues(toScim(roles(in)), true);
	}

	private static List<RoleValues.Role> toScim(List<AppRoleAssignment> assignments) {
		Map<String, RoleValues.Role> byValue = new LinkedHashMap<>();
		for (AppRoleAssignment a : assignments) {
			byValue.putIfAbsent(valueOf(a),
					new RoleValues.Role(false, RoleValues.ENTRA_ROLE_TYPE, a.appRoleDisplayName(), valueOf(a)));
		}
		return new ArrayList<>(byValue.values());
	}

	private static String valueOf(AppRoleAssignment a) {
		return (a.appRoleValue() != null) ? a.appRoleValue()
				: (a.appRoleDisplayName() != null ? a.appRoleDisplayName() : a.appRoleId());
	}

	private static List<AppRoleAssignment> roles(Invocation in) {
		Object value = in.value(0);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof AppRoleAssignmentsValue assignments)) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT,
					in.function() + " takes [appRoleAssignments] but got \"" + Values.asString(value) + "\"");
		}
		return assignments.assignments().stream().filter((a) -> !a.isDefaultAccess()).toList();
	}

}
