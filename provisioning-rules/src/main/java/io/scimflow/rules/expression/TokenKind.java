package io.scimflow.rules.expression;

/** The kinds of token Entra's expression syntax has. */
enum TokenKind {

	/** {@code [attributeName]} */
	ATTRIBUTE("an attribute like [mail]"),
	/** {@code "text"} with backslash escapes */
	STRING("a string"),
	/** {@code 42}, {@code -10}, {@code 42568.75} */
	NUMBER("a number"),
	/** {@code &HF7} */
	HEX_NUMBER("a hex number"),
	/** a function name or a named constant such as {@code vbTextCompare} */
	NAME("a name"),
	LEFT_PAREN("'('"),
	RIGHT_PAREN("')'"),
	COMMA("','"),
	/** {@code = <> > >= < <=} */
	COMPARISON("a comparison operator"),
	END("the end of the expression");

	private final String description;

	TokenKind(String description) {
		this.description = description;
	}

	String description() {
		return this.description;
	}

}
