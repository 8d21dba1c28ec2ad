package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates an expression tree against a context. IIF is evaluated here because Entra
 * documents that its condition fails when an attribute it tests is null or empty.
 */
final class Evaluator implements ExprVisitor<Object> {

	private final String expression;

	private final EvaluationContext context;

	Evaluator(String expression, EvaluationContext context) {
		this.expression = expression;
		this.context = context;
	}

	@Override
	public Object visitAttribute(Expr.AttributeRef node) {
		return this.context.attribute(node.name());
	}

	@Override
	public Object visitString(Expr.StringLiteral node) {
		return node.value();
	}

	@Override
	public Object visitNumber(Expr.NumberLiteral node) {
		return Values.numberValue(node.value());
	}

	@Override
	public Object visitNamedConstant(Expr.NamedConstant node) {
		return "vbTextCompare".equals(node.name()) ? 1L : 0L;
	}

	@Override
	public Object visitOmitted(Expr.Omitted node) {
		return Values.OMITTED;
	}

	@Override
	public Object visitCall(Expr.Call node) {
		FunctionSpec spec = FunctionCatalog.standard().find(node.function()).orElseThrow();
		if ("IIF".equals(node.function())) {
			return iif(node);
		}
		List<Object> arguments = new ArrayList<>(node.arguments().size());
		for (Expr argument : node.arguments()) {
			Object value = argument.accept(this);
			arguments.add((value == Values.IGNORE_FLOW) ? null : value);
		}
		return spec.implementation().apply(new Invocation(node, arguments, this.context, this.expression));
	}

	// IIF(condition, valueIfTrue, valueIfFalse): the condition fails when an attribute it
	// reads directly is null or empty (documented limitation, kept for parity).
	private Object iif(Expr.Call node) {
		Expr condition = node.arguments().get(0);
		boolean holds = !readsEmptyAttribute(condition) && Values.isTrue(condition.accept(this));
		return node.arguments().get(holds ? 1 : 2).accept(this);
	}

	private boolean readsEmptyAttribute(Expr condition) {
		for (String name : new Expression(this.expression, condition).attributeNames()) {
			if (Values.isNullOrEmpty(this.context.attribute(name))) {
				return true;
			}
		}
		return false;
	}

	// Comparisons are numeric when both sides read as numbers, else ordinal and
	// case-sensitive; a comparison with a null or empty side is false.
	@Override
	public Object visitComparison(Expr.Comparison node) {
		Object left = Values.unwrap(node.left().accept(this));
		Object right = Values.unwrap(node.right().accept(this));
		if (Values.isNullOrEmpty(left) || Values.isNullOrEmpty(right)) {
			return false;
		}
		int cmp;
		BigDecimal l = Values.asNumber(left);
		BigDecimal r = Values.asNumber(right);
		if (l != null && r != null) {
			cmp = l.compareTo(r);
		}
		else {
			cmp = Values.asString(left).compareTo(Values.asString(right));
		}
		return switch (node.operator()) {
			case "=" -> cmp == 0;
			case "<>" -> cmp != 0;
			case ">" -> cmp > 0;
			case ">=" -> cmp >= 0;
			case "<" -> cmp < 0;
			case "<=" -> cmp <= 0;
			default -> throw new IllegalStateException("unknown operator " + node.operator());
		};
	}

}
