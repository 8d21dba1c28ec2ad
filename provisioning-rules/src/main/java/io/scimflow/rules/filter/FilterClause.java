package io.scimflow.rules.filter;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One scoping filter clause: {@code <sourceAttribute> <operator> <values>}. Immutable;
 * regex patterns are compiled once at construction.
 *
 * @param sourceAttribute the source attribute name (case-insensitive lookup)
 * @param operator the operator
 * @param values the target operand values (one for most operators, a list for
 * {@code &}/{@code !&}, none for the unary ones)
 */
public record FilterClause(String sourceAttribute, FilterOperator operator, List<String> values) {

	public FilterClause {
		Objects.requireNonNull(sourceAttribute, "sourceAttribute");
		Objects.requireNonNull(operator, "operator");
		values = (values != null) ? List.copyOf(values) : List.of();
	}

	/** A clause with a single value (or none for unary operators). */
	public static FilterClause of(String attribute, FilterOperator operator, String... values) {
		return new FilterClause(attribute, operator, List.of(values));
	}

	/** The first value, or null for unary operators. */
	public String value() {
		return this.values.isEmpty() ? null : this.values.get(0);
	}

	Pattern pattern() {
		return Pattern.compile(value());
	}

	@Override
	public String toString() {
		return this.sourceAttribute + " " + this.operator.entraName()
				+ (this.values.isEmpty() ? "" : " " + String.join(",", this.values));
	}

}
