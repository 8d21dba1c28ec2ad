package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for Entra's expression syntax. It also checks what can be
 * checked without data: known functions (names are case-sensitive), argument counts,
 * omitted arguments only where a function allows them, known named constants, and
 * per-function rules (Switch pairs, Replace modes). A parser instance is single-use and
 * not thread-safe; the {@link Expression} it returns is immutable and shared.
 */
public final class ExpressionParser {

	/** The bare names Entra accepts as values (InStr's compare types). */
	static final Set<String> NAMED_CONSTANTS = Set.of("vbTextCompare", "vbBinaryCompare");

	private final FunctionCatalog catalog;

	private final ParserLimits limits;

	private String text;

	private List<Token> tokens;

	private int index;

	private int depth;

	public ExpressionParser(FunctionCatalog catalog, ParserLimits limits) {
		this.catalog = catalog;
		this.limits = limits;
	}

	/** Parses with the standard catalogue and default limits. */
	public static Expression parseExpression(String text) {
		return new ExpressionParser(FunctionCatalog.standard(), ParserLimits.DEFAULT).parse(text);
	}

	/**
	 * Parses and checks one expression.
	 * @throws ExpressionException with the code and position of the first problem
	 */
	public Expression parse(String text) {
		this.text = (text != null) ? text : "";
		this.index = 0;
		this.depth = 0;
		if (this.text.length() > this.limits.maxLength()) {
			throw error(ExpressionError.TOO_LONG, "expression is " + this.text.length()
					+ " characters long; the limit is " + this.limits.maxLength(), new Span(this.limits.maxLength(),
							this.text.length()));
		}
		if (this.text.isBlank()) {
			throw error(ExpressionError.EMPTY_EXPRESSION, "expression is empty", new Span(0, 0));
		}
		this.tokens = new Tokenizer(this.text).tokenize();
		Expr root = comparison();
		Token end = peek();
		if (end.kind() != TokenKind.END) {
			throw error(ExpressionError.UNEXPECTED_TOKEN,
					"expected the end of the expression but found " + end.describe(), end.span());
		}
		return new Expression(this.text, root);
	}

	// comparison : operand (COMPARISON operand)?
	private Expr comparison() {
		Expr left = operand();
		if (peek().kind() == TokenKind.COMPARISON) {
			Token op = advance();
			Expr right = operand();
			return new Expr.Comparison(op.text(), left, right, new Span(left.span().start(), right.span().end()));
		}
		return left;
	}

	// operand : call | ATTRIBUTE | STRING | NUMBER | HEX_NUMBER | NAME
	private Expr operand() {
		Token token = peek();
		switch (token.kind()) {
			case ATTRIBUTE:
				advance();
				return new Expr.AttributeRef(token.value(), token.span());
			case STRING:
				advance();
				return new Expr.StringLiteral(token.value(), token.span());
			case NUMBER:
				advance();
				return new Expr.NumberLiteral(new BigDecimal(token.value()), token.text(), token.span());
			case HEX_NUMBER:
				advance();
				return new Expr.NumberLiteral(new BigDecimal(new BigInteger(token.value(), 16)), token.text(),
						token.span());
			case NAME:
				if (peekAt(1).kind() == TokenKind.LEFT_PAREN) {
					return call();
				}
				advance();
				return namedConstant(token);
			default:
				throw error(ExpressionError.UNEXPECTED_TOKEN,
						"expected a function call, an attribute, a string or a number but found " + token.describe(),
						token.span());
		}
	}

	// call : NAME '(' arguments? ')'
	private Expr call() {
		Token name = advance();
		advance();
		this.depth++;
		if (this.depth > this.limits.maxDepth()) {
			throw error(ExpressionError.TOO_DEEP, "functions are nested deeper than the limit of "
					+ this.limits.maxDepth(), name.span());
		}
		List<Expr> arguments = arguments();
		Token close = peek();
		if (close.kind() != TokenKind.RIGHT_PAREN) {
			throw error(ExpressionError.UNEXPECTED_TOKEN,
					"expected ',' or ')' in the arguments of " + name.text() + " but found " + close.describe(),
					close.span());
		}
		advance();
		this.depth--;
		Expr.Call call = new Expr.Call(name.text(), arguments, new Span(name.span().start(), close.span().end()));
		check(call, name.span());
		return call;
	}

	// arguments : argument (',' argument)*
	// argument  : comparison | <empty>      (an empty slot is an omitted optional argument)
	private List<Expr> arguments() {
		List<Expr> arguments = new ArrayList<>();
		if (peek().kind() == TokenKind.RIGHT_PAREN) {
			return arguments;
		}
		while (true) {
			Token next = peek();
			if (next.kind() == TokenKind.COMMA || next.kind() == TokenKind.RIGHT_PAREN) {
				arguments.add(new Expr.Omitted(new Span(next.span().start(), next.span().start())));
			}
			else {
				arguments.add(comparison());
			}
			if (peek().kind() != TokenKind.COMMA) {
				return arguments;
			}
			advance();
		}
	}

	private Expr namedConstant(Token token) {
		if (!NAMED_CONSTANTS.contains(token.text())) {
			String hint = this.catalog.find(token.text()).isPresent() ? " (did you mean the function " + token.text()
					+ "(...)?)" : " (attributes are written in brackets: [" + token.text() + "])";
			throw error(ExpressionError.UNKNOWN_NAME, "unknown name '" + token.text() + "'" + hint, token.span());
		}
		return new Expr.NamedConstant(token.text(), token.span());
	}

	private void check(Expr.Call call, Span nameSpan) {
		FunctionSpec spec = this.catalog.find(call.function()).orElseThrow(() -> {
			String hint = this.catalog.findIgnoringCase(call.function())
				.map((s) -> " (function names are case-sensitive: did you mean " + s.name() + "?)")
				.orElse("");
			return error(ExpressionError.UNKNOWN_FUNCTION, "unknown function '" + call.function() + "'" + hint, nameSpan);
		});
		if (spec.unsupportedReason() != null) {
			throw error(ExpressionError.UNSUPPORTED_USE, spec.name() + " is not supported: " + spec.unsupportedReason(),
					nameSpan);
		}
		int count = call.arguments().size();
		if (count < spec.minArgs() || (spec.maxArgs() >= 0 && count > spec.maxArgs())) {
			throw error(ExpressionError.WRONG_ARGUMENT_COUNT,
					spec.name() + " takes " + spec.arityDescription() + " but got " + count + ": " + spec.signature(),
					call.span());
		}
		for (int i = 0; i < count; i++) {
			Expr argument = call.arguments().get(i);
			if (argument instanceof Expr.Omitted && !spec.mayOmit(i)) {
				throw error(ExpressionError.MISSING_ARGUMENT, "argument " + (i + 1) + " of " + spec.name()
						+ " is required: " + spec.signature(), argument.span());
			}
		}
		if (spec.validator() != null) {
			String problem = spec.validator().check(call);
			if (problem != null) {
				throw error(ExpressionError.INVALID_ARGUMENTS, spec.name() + ": " + problem, call.span());
			}
		}
	}

	private Token peek() {
		return this.tokens.get(this.index);
	}

	private Token peekAt(int offset) {
		return this.tokens.get(Math.min(this.index + offset, this.tokens.size() - 1));
	}

	private Token advance() {
		Token token = this.tokens.get(this.index);
		if (token.kind() != TokenKind.END) {
			this.index++;
		}
		return token;
	}

	private ExpressionException error(ExpressionError code, String message, Span span) {
		return new ExpressionException(code, message, this.text, span);
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

}
