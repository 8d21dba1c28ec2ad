package io.scimflow.rules.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates scoping filters with Entra's rules: string comparisons are case-sensitive; a
 * clause is false when the attribute is null or empty (except {@code IS NULL} /
 * {@code IS NOT NULL}); the integer operators need integers on both sides; multi-valued
 * attributes are not supported by scoping filters, so a clause on one is false. Stateless
 * apart from a cache of compiled patterns; thread-safe.
 */
public final class FilterEvaluator {

	private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	/**
	 * Evaluates the filter against an attribute lookup (case-insensitive names expected).
	 */
	public FilterResult evaluate(ScopingFilter filter, Function<String, Object> attributes) {
		if (filter.isEmpty()) {
			return new FilterResult(true, "no scoping filter configured");
		}
		List<String> failures = new ArrayList<>();
		for (FilterGroup group : filter.groups()) {
			String failed = firstFailingClause(group, attributes);
			if (failed == null) {
				return new FilterResult(true, "scoping filter '" + group.name() + "' passed");
			}
			failures.add("'" + group.name() + "': " + failed);
		}
		return new FilterResult(false, "no scoping filter passed (" + String.join("; ", failures) + ")");
	}

	private String firstFailingClause(FilterGroup group, Function<String, Object> attributes) {
		for (FilterClause clause : group.clauses()) {
			Object value = attributes.apply(clause.sourceAttribute());
			if (!matches(clause, value)) {
				return "clause [" + clause + "] is false for value " + describe(value);
			}
		}
		return null;
	}

	/** Evaluates one clause against an attribute value. */
	public boolean matches(FilterClause clause, Object rawValue) {
		FilterOperator operator = clause.operator();
		if (rawValue instanceof Collection<?>) {
			return false;
		}
		String value = asString(rawValue);
		boolean empty = value == null || value.isEmpty();
		if (operator == FilterOperator.IS_NULL) {
			return empty;
		}
		if (operator == FilterOperator.IS_NOT_NULL) {
			return !empty;
		}
		if (empty) {
			return false;
		}
		String target = clause.value();
		return switch (operator) {
			case EQUALS -> clause.values().contains(value);
			case NOT_EQUALS -> !clause.values().contains(value);
			case IS_TRUE -> "true".equalsIgnoreCase(value);
			case IS_FALSE -> "false".equalsIgnoreCase(value);
			case REGEX_MATCH -> pattern(target).matcher(value).find();
			case NOT_REGEX_MATCH -> !pattern(target).matcher(value).find();
			case INCLUDES -> value.contains(target);
			case ENDS_WITH -> value.endsWith(target);
			case IN -> listedValues(clause).contains(value);
			case NOT_IN -> !listedValues(clause).contains(value);
			case GREATER_THAN, GREATER_THAN_OR_EQUALS, LESS_THAN, LESS_THAN_OR_EQUALS -> compareIntegers(operator, value, target);
			default -> throw new IllegalStateException("unhandled operator " + operator);
		};
	}

	private static boolean compareIntegers(FilterOperator operator, String value, String target) {
		Long left = parseInteger(value);
		Long right = parseInteger(target);
		if (left == null || right == null) {
			return false;
		}
		int cmp = Long.compare(left, right);
		return switch (operator) {
			case GREATER_THAN -> cmp > 0;
			case GREATER_THAN_OR_EQUALS -> cmp >= 0;
			case LESS_THAN -> cmp < 0;
			default -> cmp <= 0;
		};
	}

	/** Parses an integer the way the integer operators accept it; null when not one. */
	public static Long parseInteger(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The values of an {@code &}/{@code !&} clause: each listed value, split on commas. */
	static List<String> listedValues(FilterClause clause) {
		List<String> result = new ArrayList<>();
		for (String value : clause.values()) {
			for (String part : value.split(",")) {
				result.add(part.trim());
			}
		}
		return result;
	}

	private Pattern pattern(String regex) {
		return this.patterns.computeIfAbsent(regex, Pattern::compile);
	}

	private static String asString(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean bool) {
			return bool ? "True" : "False";
		}
		return value.toString();
	}

	private static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Collection<?>) {
			return "(multi-valued, not supported by scoping filters)";
		}
		return "\"" + value + "\"";
	}

}
