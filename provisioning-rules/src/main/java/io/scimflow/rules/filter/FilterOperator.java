package io.scimflow.rules.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scoping filter operators, under the names Entra's portal and Graph use. Names are
 * matched ignoring case, with a space and an underscore treated alike ({@code NOT EQUALS}
 * = {@code NOT_EQUALS}).
 */
public enum FilterOperator {

	/** Exact match, case-sensitive. */
	EQUALS("EQUALS", true),
	/** Exact non-match, case-sensitive; false when the attribute is null or empty. */
	NOT_EQUALS("NOT EQUALS", true),
	/** The attribute is the boolean true. */
	IS_TRUE("IS TRUE", false),
	/** The attribute is the boolean false. */
	IS_FALSE("IS FALSE", false),
	/** The attribute is absent or empty. */
	IS_NULL("IS NULL", false),
	/** The attribute has a non-empty value. */
	IS_NOT_NULL("IS NOT NULL", false),
	/** .NET-style regex search (Regex.IsMatch: the pattern may match a part), case-sensitive. */
	REGEX_MATCH("REGEX MATCH", true),
	/** No regex match; false when the attribute is null or empty. */
	NOT_REGEX_MATCH("NOT REGEX MATCH", true),
	/** Substring, case-sensitive. */
	INCLUDES("Includes", true),
	/** Suffix, case-sensitive. */
	ENDS_WITH("ENDS_WITH", true),
	/** Integer comparison: attribute &gt; value. */
	GREATER_THAN("Greater_Than", true),
	/** Integer comparison: attribute &gt;= value. */
	GREATER_THAN_OR_EQUALS("Greater_Than_OR_EQUALS", true),
	/** Integer comparison: attribute &lt; value (not in Entra's documented list). */
	LESS_THAN("Less_Than", true),
	/** Integer comparison: attribute &lt;= value (not in Entra's documented list). */
	LESS_THAN_OR_EQUALS("Less_Than_OR_EQUALS", true),
	/** The attribute's value is one of the listed values (case-sensitive). */
	IN("&", true),
	/** The attribute's value is none of the listed values; false when null or empty. */
	NOT_IN("!&", true);

	private final String entraName;

	private final boolean needsValue;

	FilterOperator(String entraName, boolean needsValue) {
		this.entraName = entraName;
		this.needsValue = needsValue;
	}

	/** The operator's name as Entra writes it. */
	public String entraName() {
		return this.entraName;
	}

	/** True when the clause needs a target value. */
	public boolean needsValue() {
		return this.needsValue;
	}

	/** True for the integer comparisons. */
	public boolean isIntegerComparison() {
		return this == GREATER_THAN || this == GREATER_THAN_OR_EQUALS || this == LESS_THAN
				|| this == LESS_THAN_OR_EQUALS;
	}

	/** Looks an operator up by its Entra name (ignoring case, space = underscore). */
	public static Optional<FilterOperator> fromName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = normalise(name);
		return Arrays.stream(values()).filter((op) -> normalise(op.entraName).equals(wanted)).findFirst();
	}

	/** The documented names, for error messages. */
	public static String names() {
		return Arrays.stream(values()).map(FilterOperator::entraName).collect(Collectors.joining(", "));
	}

	private static String normalise(String name) {
		return name.trim().replace('_', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.entraName;
	}

}
