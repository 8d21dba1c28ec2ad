package io.scimflow.rules.expression;

/** A parse-time check of one function's arguments; returns the problem or null. */
@FunctionalInterface
interface CallValidator {

	String check(Expr.Call call);

}
