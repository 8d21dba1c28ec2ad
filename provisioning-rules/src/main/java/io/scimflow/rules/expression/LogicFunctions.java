package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Boolean, null-handling, multi-valued and control functions. */
final class LogicFunctions {

	private LogicFunctions() {
	}

	static Object bitAnd(Invocation in) {
		return in.integer(0) & in.integer(1);
	}

	// CBool(expression): True for the boolean true, "True", or a non-zero number.
	static Object cbool(Invocation in) {
		return Values.isTrue(in.raw(0));
	}

	// Coalesce(source1, ..., sourceN[, defaultValue]): the first value that is not null.
	static Object coalesce(Invocation in) {
		for (int i = 0; i < in.count(); i++) {
			if (in.value(i) != null) {
				return in.raw(i);
			}
		}
		return null;
	}

	static Object ignoreFlowIfNullOrEmpty(Invocation in) {
		return Values.isNullOrEmpty(in.raw(0)) ? Values.IGNORE_FLOW : in.raw(0);
	}

	static Object isNull(Invocation in) {
		return in.value(0) == null;
	}

	static Object isNullOrEmpty(Invocation in) {
		return Values.isNullOrEmpty(in.raw(0));
	}

	static Object isPresent(Invocation in) {
		return !Values.isNullOrEmpty(in.raw(0));
	}

	static Object isString(Invocation in) {
		return in.value(0) instanceof String;
	}

	// Not(source): False when source is True, else True.
	static Object not(Invocation in) {
		return !"true".equalsIgnoreCase(TextFunctions.nullToEmpty(in.string(0)).trim());
	}

	// Switch(source, defaultValue, key1, value1, ...): case-sensitive; a null source
	// matches the key "".
	static Object switchValue(Invocation in) {
		String source = TextFunctions.nullToEmpty(in.string(0));
		for (int i = 2; i + 1 < in.count(); i += 2) {
			if (source.equals(TextFunctions.nullToEmpty(in.string(i)))) {
				return in.raw(i + 1);
			}
		}
		return in.provided(1) ? in.raw(1) : null;
	}

	static String validateSwitch(Expr.Call call) {
		return (call.arguments().size() % 2 == 0) ? null
				: "takes the source, the default value and key/value pairs, so an even number of arguments, but got "
						+ call.arguments().size();
	}

	static String validateIif(Expr.Call call) {
		Expr condition = call.arguments().get(0);
		if (condition instanceof Expr.Call inner && "IgnoreFlowIfNullOrEmpty".equals(inner.function())) {
			return "IgnoreFlowIfNullOrEmpty is a flow wrapper, not a condition; wrap the whole IIF in it instead";
		}
		return null;
	}

	static Object redact(Invocation in) {
		Object value = in.raw(0);
		return (value == null) ? null : new Values.Redacted(Values.unwrap(value));
	}

	// Count(attribute): the number of values; null -> 0, a single value -> 1.
	static Object count(Invocation in) {
		Object value = in.value(0);
		if (value instanceof AppRoleAssignmentsValue assignments) {
			return (long) assignments.assignments().size();
		}
		return (long) Values.flatten(value).size();
	}

	// Item(attribute, index): 1-based; out of range -> null.
	static Object item(Invocation in) {
		List<Object> values = Values.flatten(in.value(0));
		long index = in.integer(1);
		if (index < 1 || index > values.size()) {
			return null;
		}
		return values.get((int) index - 1);
	}

	static Object removeDuplicates(Invocation in) {
		Object value = in.value(0);
		if (!(value instanceof Collection<?>)) {
			return value;
		}
		return List.copyOf(new ArrayList<>(new LinkedHashSet<>(Values.flatten(value))));
	}

	static BigDecimal number(Invocation in, int i) {
		return Values.asNumber(in.raw(i));
	}

}
