package io.scimflow.rules.expression;

/**
 * A parse or evaluation error with a stable code, the expression text and the span of the
 * offending part, so a tool can underline it.
 */
public class ExpressionException extends RuntimeException {

	private final ExpressionError error;

	private final String expression;

	private final Span span;

	private final String detail;

	public ExpressionException(ExpressionError error, String detail, String expression, Span span) {
		super(error.code() + " " + detail + ((span != null) ? " at position " + span.position() : ""));
		this.error = error;
		this.detail = detail;
		this.expression = expression;
		this.span = span;
	}

	/** The stable error code. */
	public ExpressionError error() {
		return this.error;
	}

	/** What is wrong, without the code and position. */
	public String detail() {
		return this.detail;
	}

	/** The whole expression text. */
	public String expression() {
		return this.expression;
	}

	/** Where the error is; may be null for errors about the whole expression. */
	public Span span() {
		return this.span;
	}

	/** The 1-based position of the error (1 when unknown). */
	public int position() {
		return (this.span != null) ? this.span.position() : 1;
	}

	/**
	 * The line of the expression that holds the error with a caret under the offending
	 * part, e.g. <pre>
	 * Join(" ", [givenName], Jion("x"))
	 *                        ^^^^
	 * </pre>
	 */
	public String caretDiagram() {
		if (this.expression == null) {
			return "";
		}
		int start = Math.min((this.span != null) ? this.span.start() : 0, this.expression.length());
		int end = Math.max(start + 1, Math.min((this.span != null) ? this.span.end() : start + 1, this.expression.length()));
		int lineStart = this.expression.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
		if (start == 0) {
			lineStart = 0;
		}
		int lineEnd = this.expression.indexOf('\n', start);
		if (lineEnd < 0) {
			lineEnd = this.expression.length();
		}
		String line = this.expression.substring(lineStart, lineEnd);
		int caretEnd = Math.min(end, lineEnd);
		StringBuilder caret = new StringBuilder();
		for (int i = lineStart; i < start; i++) {
			caret.append(this.expression.charAt(i) == '\t' ? '\t' : ' ');
		}
		caret.append("^".repeat(Math.max(1, caretEnd - start)));
		return line + "\n" + caret;
	}

}
