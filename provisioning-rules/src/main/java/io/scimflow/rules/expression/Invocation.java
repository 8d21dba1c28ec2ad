package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.util.List;

/**
 * One call being evaluated: the evaluated arguments, the context and the call's span (for
 * errors).
 */
final class Invocation {

	private final Expr.Call call;

	private final List<Object> arguments;

	private final EvaluationContext context;

	private final String expression;

	Invocation(Expr.Call call, List<Object> arguments, EvaluationContext context, String expression) {
		this.call = call;
		this.arguments = arguments;
		this.context = context;
		this.expression = expression;
	}

	int count() {
		return this.arguments.size();
	}

	/** The raw argument (may be a Redacted wrapper or a marker); null when absent. */
	Object raw(int i) {
		return (i < this.arguments.size()) ? this.arguments.get(i) : Values.OMITTED;
	}

	/** The plain argument value; null when absent, omitted or null. */
	Object value(int i) {
		return Values.unwrap(raw(i));
	}

	/** True when the argument was written (even as "" or an attribute that is null). */
	boolean provided(int i) {
		return i < this.arguments.size() && !(this.call.arguments().get(i) instanceof Expr.Omitted);
	}

	String string(int i) {
		return Values.asString(raw(i));
	}

	/** The argument as an integer; an error when it is not one. */
	long integer(int i) {
		BigDecimal number = Values.asNumber(raw(i));
		if (number == null) {
			throw fail(ExpressionError.INVALID_ARGUMENT,
					"argument " + (i + 1) + " of " + this.call.function() + " must be a number but is " + describe(i));
		}
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw fail(ExpressionError.INVALID_ARGUMENT,
					"argument " + (i + 1) + " of " + this.call.function() + " must be a whole number but is " + describe(i));
		}
	}

	/** The argument as an integer, or the fallback when omitted or null. */
	long integer(int i, long fallback) {
		return (value(i) == null) ? fallback : integer(i);
	}

	EvaluationContext context() {
		return this.context;
	}

	String function() {
		return this.call.function();
	}

	ExpressionException fail(ExpressionError error, String message) {
		return new ExpressionException(error, message, this.expression, this.call.span());
	}

	private String describe(int i) {
		Object v = value(i);
		return (v == null) ? "null" : "\"" + Values.asString(v) + "\"";
	}

}
