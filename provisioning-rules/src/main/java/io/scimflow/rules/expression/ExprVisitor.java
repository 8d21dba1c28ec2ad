package io.scimflow.rules.expression;

/** An operation over the expression tree. */
public interface ExprVisitor<R> {

	R visitAttribute(Expr.AttributeRef node);

	R visitString(Expr.StringLiteral node);

	R visitNumber(Expr.NumberLiteral node);

	R visitNamedConstant(Expr.NamedConstant node);

	R visitOmitted(Expr.Omitted node);

	R visitCall(Expr.Call node);

	R visitComparison(Expr.Comparison node);

}
