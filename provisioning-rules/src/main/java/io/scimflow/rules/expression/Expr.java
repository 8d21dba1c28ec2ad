package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of a parsed expression. Every node carries its span. Operations over the tree
 * (evaluate, render) are visitors. Nodes are immutable records; build them with the
 * static factories.
 */
public sealed interface Expr permits Expr.AttributeRef, Expr.StringLiteral, Expr.NumberLiteral, Expr.NamedConstant,
		Expr.Omitted, Expr.Call, Expr.Comparison {

	Span span();

	<R> R accept(ExprVisitor<R> visitor);

	/** {@code [name]}: a source attribute. */
	record AttributeRef(String name, Span span) implements Expr {
		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitAttribute(this);
		}
	}

	/** {@code "text"}: a string constant, already unescaped. */
	record StringLiteral(String value, Span span) implements Expr {
		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitString(this);
		}
	}

	/** A number as written ({@code 7}, {@code -10}, {@code 42568.75}, {@code &HF7}). */
	record NumberLiteral(BigDecimal value, String text, Span span) implements Expr {
		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitNumber(this);
		}
	}

	/** A bare name used as a value: {@code vbTextCompare}, {@code vbBinaryCompare}. */
	record NamedConstant(String name, Span span) implements Expr {
		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitNamedConstant(this);
		}
	}

	/** An optional argument left empty: {@code Switch([x], , "a", "b")}. */
	record Omitted(Span span) implements Expr {
		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitOmitted(this);
		}
	}

	/** {@code Name(arg, ...)}. */
	record Call(String function, List<Expr> arguments, Span span) implements Expr {
		public Call {
			arguments = List.copyOf(arguments);
		}

		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitCall(this);
		}
	}

	/** {@code left op right}, allowed where Entra allows it (IIF conditions, CBool). */
	record Comparison(String operator, Expr left, Expr right, Span span) implements Expr {
		@Override
		public <R> R accept(ExprVisitor<R> visitor) {
			return visitor.visitComparison(this);
		}
	}

}
