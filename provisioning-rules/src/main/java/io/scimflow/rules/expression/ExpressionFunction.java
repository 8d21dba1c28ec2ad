package io.scimflow.rules.expression;

/** The behaviour of one function: its evaluated arguments in, its value out. */
@FunctionalInterface
interface ExpressionFunction {

	Object apply(Invocation invocation);

}
