package io.scimflow.rules.expression;

/**
 * Stable error codes of the expression language. Tests and provisioning-log entries carry
 * the code; the wording may change.
 */
public enum ExpressionError {

	TOO_LONG("EXPR-1001"),
	TOO_DEEP("EXPR-1002"),
	UNEXPECTED_CHARACTER("EXPR-1003"),
	UNTERMINATED_STRING("EXPR-1004"),
	UNTERMINATED_ATTRIBUTE("EXPR-1005"),
	EMPTY_ATTRIBUTE("EXPR-1006"),
	UNEXPECTED_TOKEN("EXPR-1007"),
	UNKNOWN_FUNCTION("EXPR-1008"),
	WRONG_ARGUMENT_COUNT("EXPR-1009"),
	MISSING_ARGUMENT("EXPR-1010"),
	UNKNOWN_NAME("EXPR-1011"),
	EMPTY_EXPRESSION("EXPR-1012"),
	INVALID_NUMBER("EXPR-1013"),
	UNSUPPORTED_USE("EXPR-1014"),
	INVALID_ARGUMENTS("EXPR-1015"),
	/** Evaluation: an argument has the wrong type or value. */
	INVALID_ARGUMENT("EXPR-2001"),
	/** Evaluation: DefaultDomain() without a configured default domain. */
	NO_DEFAULT_DOMAIN("EXPR-2002"),
	/** Evaluation: a regular expression does not compile. */
	INVALID_REGEX("EXPR-2003"),
	/** Evaluation: a date cannot be read. */
	INVALID_DATE("EXPR-2004");

	private final String code;

	ExpressionError(String code) {
		this.code = code;
	}

	/** The stable code, e.g. {@code EXPR-1008}. */
	public String code() {
		return this.code;
	}

}
