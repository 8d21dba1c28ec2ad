package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Conversions between the runtime values of the expression language, with Entra's rules:
 * booleans read as {@code "True"}/{@code "False"}, null and empty strings are "empty",
 * multi-valued attributes are flattened where a function joins values.
 */
public final class Values {

	/** The value of an omitted optional argument. */
	public static final Object OMITTED = new Marker("<omitted>");

	/** Returned by IgnoreFlowIfNullOrEmpty: drop the attribute from the flow. */
	public static final Object IGNORE_FLOW = new Marker("<ignore flow>");

	private Values() {
	}

	/**
	 * A value produced by Redact(): it flows to the target, but logs and previews show
	 * {@code [Redact]}.
	 *
	 * @param value the real value
	 */
	public record Redacted(Object value) {

		@Override
		public String toString() {
			return "[Redact]";
		}

	}

	private record Marker(String name) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** The plain value: unwraps Redact, and reads the markers as null. */
	public static Object unwrap(Object value) {
		if (value instanceof Redacted redacted) {
			return unwrap(redacted.value());
		}
		if (value == OMITTED || value == IGNORE_FLOW) {
			return null;
		}
		return value;
	}

	/** The value as a string: booleans as True/False, a list as its first value. */
	public static String asString(Object value) {
		Object v = unwrap(value);
		if (v == null) {
			return null;
		}
		if (v instanceof Boolean bool) {
			return bool ? "True" : "False";
		}
		if (v instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (v instanceof Collection<?> list) {
			return list.isEmpty() ? null : asString(list.iterator().next());
		}
		return v.toString();
	}

	/** True for null, an empty string or an empty list. */
	public static boolean isNullOrEmpty(Object value) {
		Object v = unwrap(value);
		if (v == null) {
			return true;
		}
		if (v instanceof Collection<?> list) {
			return list.isEmpty();
		}
		if (v instanceof CharSequence text) {
			return text.length() == 0;
		}
		return false;
	}

	/** All values, with lists flattened and nulls dropped. */
	public static List<Object> flatten(Object value) {
		List<Object> result = new ArrayList<>();
		addFlattened(unwrap(value), result);
		return result;
	}

	private static void addFlattened(Object value, List<Object> result) {
		if (value == null) {
			return;
		}
		if (value instanceof Collection<?> list) {
			list.forEach((item) -> addFlattened(unwrap(item), result));
		}
		else {
			result.add(value);
		}
	}

	/** The value as a number when it reads as one, else null. */
	public static BigDecimal asNumber(Object value) {
		Object v = unwrap(value);
		if (v instanceof BigDecimal decimal) {
			return decimal;
		}
		if (v instanceof Long || v instanceof Integer || v instanceof Short) {
			return BigDecimal.valueOf(((Number) v).longValue());
		}
		if (v instanceof Number number) {
			return BigDecimal.valueOf(number.doubleValue());
		}
		String text = asString(v);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A number as the language returns it: Long when integral, else BigDecimal. */
	static Object numberValue(BigDecimal value) {
		try {
			return value.longValueExact();
		}
		catch (ArithmeticException ex) {
			return value;
		}
	}

	/** True when the value reads as the boolean true ("True" ignoring case, non-zero). */
	public static boolean isTrue(Object value) {
		Object v = unwrap(value);
		if (v instanceof Boolean bool) {
			return bool;
		}
		if (v == null) {
			return false;
		}
		String text = asString(v).trim();
		if ("true".equalsIgnoreCase(text)) {
			return true;
		}
		BigDecimal number = asNumber(text);
		return number != null && number.signum() != 0;
	}

}
