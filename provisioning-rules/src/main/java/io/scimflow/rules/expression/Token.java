package io.scimflow.rules.expression;

/**
 * One token: its kind, its text as written, its decoded value (strings without quotes and
 * escapes, attribute names without brackets) and its span.
 */
record Token(TokenKind kind, String text, String value, Span span) {

	String describe() {
		return (this.kind == TokenKind.END) ? this.kind.description() : "'" + this.text + "'";
	}

}
