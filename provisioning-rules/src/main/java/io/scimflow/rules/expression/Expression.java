package io.scimflow.rules.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed, checked expression: its text and its tree. Immutable and thread-safe; evaluate
 * it as often as needed.
 *
 * @param text the expression as written
 * @param root the root of the tree
 */
public record Expression(String text, Expr root) {

	/**
	 * Evaluates the expression. The result is null, a String, a Boolean, a Long or
	 * BigDecimal, a {@link DateTimeValue}, a List (multi-valued), a {@link RoleValues}, a
	 * {@link Values.Redacted} wrapper or {@link Values#IGNORE_FLOW}.
	 * @throws ExpressionException on an evaluation error (code, position)
	 */
	public Object evaluate(EvaluationContext context) {
		return this.root.accept(new Evaluator(this.text, context));
	}

	/** The names of every attribute the expression reads. */
	public List<String> attributeNames() {
		List<String> names = new ArrayList<>();
		collect(this.root, names);
		return names;
	}

	private static void collect(Expr node, List<String> names) {
		if (node instanceof Expr.AttributeRef ref) {
			names.add(ref.name());
		}
		else if (node instanceof Expr.Call call) {
			call.arguments().forEach((a) -> collect(a, names));
		}
		else if (node instanceof Expr.Comparison cmp) {
			collect(cmp.left(), names);
			collect(cmp.right(), names);
		}
	}

	@Override
	public String toString() {
		return this.text;
	}

}
