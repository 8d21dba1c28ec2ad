package io.scimflow.rules.expression;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTests {

	static Stream<Arguments> validExpressions() {
		return Stream.of(
				Arguments.of("[mail]", attr("mail")),
				Arguments.of("  [ mail ]  ", attr("mail")),
				Arguments.of("\"x\"", str("x")),
				Arguments.of("\"Company name: \\\"Contoso\\\"\"", str("Company name: \"Contoso\"")),
				Arguments.of("\"a\\\\b\"", str("a\\b")),
				Arguments.of("\"\\d{10}\"", str("\\d{10}")),
				Arguments.of("Append([userPrincipalName], \".test\")",
						call("Append", attr("userPrincipalName"), str(".test"))),
				Arguments.of("Mid([x], 1, 8)", call("Mid", attr("x"), num("1"), num("8"))),
				Arguments.of("DateAdd(\"d\", -10, Now())", call("DateAdd", str("d"), num("-10"), call("Now"))),
				Arguments.of("BitAnd(&HF, &HF7)", call("BitAnd", num("15"), num("247"))),
				Arguments.of("Len(42568.75)", call("Len", num("42568.75"))),
				Arguments.of("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")",
						call("Switch", attr("IsSoftDeleted"), omitted(), str("False"), str("True"), str("True"),
								str("False"))),
				Arguments.of("Replace([mail], \"@contoso.com\", , ,\"\", ,)",
						call("Replace", attr("mail"), str("@contoso.com"), omitted(), omitted(), str(""), omitted(),
								omitted())),
				Arguments.of("IIF([country]=\"USA\",[country],[department])",
						call("IIF", cmp("=", attr("country"), str("USA")), attr("country"), attr("department"))),
				Arguments.of("IIF(Len([LastName]) <= 5, \"a\", \"b\")",
						call("IIF", cmp("<=", call("Len", attr("LastName")), num("5")), str("a"), str("b"))),
				Arguments.of("InStr(\"repEated\",\"e\",3,vbBinaryCompare)",
						call("InStr", str("repEated"), str("e"), num("3"), new Expr.NamedConstant("vbBinaryCompare", null))),
				Arguments.of("Join(\" \",\n  [givenName],\n  [surname])", call("Join", str(" "), attr("givenName"), attr("surname"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExpressions")
	void parsesToTheExpectedTree(String text, Expr expected) {
		Expr actual = ExpressionParser.parseExpression(text).root();
		assertThat(withoutSpans(actual)).isEqualTo(withoutSpans(expected));
	}

	@ParameterizedTest(name = "{0} -> {1} at {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Join(" ", [givenName]             | UNEXPECTED_TOKEN       | 22
			Jion(" ", [givenName])            | UNKNOWN_FUNCTION       | 1
			join(" ", [givenName])            | UNKNOWN_FUNCTION       | 1
			Join(" ", [givenName)             | UNTERMINATED_ATTRIBUTE | 11
			Join(" , [givenName])             | UNTERMINATED_STRING    | 6
			Join(" ", [])                     | EMPTY_ATTRIBUTE        | 11
			Join(" ", [a]) [b]                | UNEXPECTED_TOKEN       | 16
			Left([a])                         | WRONG_ARGUMENT_COUNT   | 1
			Guid(1)                           | WRONG_ARGUMENT_COUNT   | 1
			Mid([a], , 3)                     | MISSING_ARGUMENT       | 10
			Switch([a], "d", "k", "v", "x")   | INVALID_ARGUMENTS      | 1
			Replace([a], , , , , , )          | INVALID_ARGUMENTS      | 1
			Replace([a], , "(", , "x", , )    | INVALID_ARGUMENTS      | 1
			Left([a], 1x)                     | INVALID_NUMBER         | 11
			Left(givenName, 1)                | UNKNOWN_NAME           | 6
			Append([a], #)                    | UNEXPECTED_CHARACTER   | 13
			BitAnd(&X, 1)                     | UNEXPECTED_CHARACTER   | 8
			IIF(IgnoreFlowIfNullOrEmpty([a]), [a], "x") | INVALID_ARGUMENTS | 1
			SelectUniqueValue([a], [b])       | UNSUPPORTED_USE        | 1
			Append([a] "x")                   | UNEXPECTED_TOKEN       | 12
			""")
	void rejectsWithCodeAndPosition(String text, ExpressionError error, int position) {
		assertThatThrownBy(() -> ExpressionParser.parseExpression(text)).isInstanceOfSatisfying(ExpressionException.class,
				(ex) -> {
					assertThat(ex.error()).isEqualTo(error);
					assertThat(ex.position()).isEqualTo(position);
					assertThat(ex.getMessage()).startsWith(error.code());
				});
	}

	@Nested
	class Limits {

		@Test
		void rejectsExpressionsOverTheLengthLimit() {
			String text = "\"" + "x".repeat(10_000) + "\"";
			assertThatThrownBy(() -> ExpressionParser.parseExpression(text))
				.isInstanceOfSatisfying(ExpressionException.class, (ex) -> {
					assertThat(ex.error()).isEqualTo(ExpressionError.TOO_LONG);
					assertThat(ex.detail()).contains("10000");
				});
		}

		@Test
		void rejectsNestingDeeperThanTheLimitAndStaysUsable() {
			ExpressionParser parser = new ExpressionParser(FunctionCatalog.standard(), new ParserLimits(1000, 3));
			assertThatThrownBy(() -> parser.parse("CStr(CStr(CStr(CStr([a]))))"))
				.isInstanceOfSatisfying(ExpressionException.class, (ex) -> {
					assertThat(ex.error()).isEqualTo(ExpressionError.TOO_DEEP);
					assertThat(ex.position()).isEqualTo(16);
					assertThat(ex.detail()).contains("3");
				});
			assertThat(parser.parse("CStr(CStr(CStr([a])))").attributeNames()).containsExactly("a");
		}

		@Test
		void rejectsEmptyExpressions() {
			assertThatThrownBy(() -> ExpressionParser.parseExpression("  "))
				.isInstanceOfSatisfying(ExpressionException.class,
						(ex) -> assertThat(ex.error()).isEqualTo(ExpressionError.EMPTY_EXPRESSION));
		}

	}

	@Test
	void caretDiagramUnderlinesTheOffendingPart() {
		assertThatThrownBy(() -> ExpressionParser.parseExpression("Join(\" \", [givenName], Jion(\"x\"))"))
			.isInstanceOfSatisfying(ExpressionException.class, (ex) -> assertThat(ex.caretDiagram())
				.isEqualTo("Join(\" \", [givenName], Jion(\"x\"))\n" + " ".repeat(23) + "^^^^"));
	}

	@Test
	void caretDiagramShowsTheLineOfAMultiLineExpression() {
		assertThatThrownBy(() -> ExpressionParser.parseExpression("Join(\" \",\n  Lft([a], 1))"))
			.isInstanceOfSatisfying(ExpressionException.class,
					(ex) -> assertThat(ex.caretDiagram()).isEqualTo("  Lft([a], 1))\n  ^^^"));
	}

	@Test
	void caseHintNamesTheRightFunction() {
		assertThatThrownBy(() -> ExpressionParser.parseExpression("tolower([a])"))
			.hasMessageContaining("did you mean ToLower");
	}

	@Test
	void listsTheAttributesAnExpressionReads() {
		assertThat(ExpressionParser.parseExpression("Join(\" \", [givenName], IIF([a]=\"x\", [b], \"c\"))")
			.attributeNames()).containsExactly("givenName", "a", "b");
	}

	static Expr attr(String name) {
		return new Expr.AttributeRef(name, null);
	}

	static Expr str(String value) {
		return new Expr.StringLiteral(value, null);
	}

	static Expr num(String value) {
		return new Expr.NumberLiteral(new BigDecimal(value), "", null);
	}

	static Expr omitted() {
		return new Expr.Omitted(null);
	}

	static Expr cmp(String op, Expr left, Expr right) {
		return new Expr.Comparison(op, left, right, null);
	}

	static Expr call(String name, Expr... args) {
		return new Expr.Call(name, List.of(args), null);
	}

	// Spans and number spellings are compared elsewhere; the tree shape here.
	static Expr withoutSpans(Expr e) {
		if (e instanceof Expr.AttributeRef a) {
			return new Expr.AttributeRef(a.name(), null);
		}
		if (e instanceof Expr.StringLiteral s) {
			return new Expr.StringLiteral(s.value(), null);
		}
		if (e instanceof Expr.NumberLiteral n) {
			return new Expr.NumberLiteral(n.value().stripTrailingZeros(), "", null);
		}
		if (e instanceof Expr.NamedConstant c) {
			return new Expr.NamedConstant(c.name(), null);
		}
		if (e instanceof Expr.Omitted) {
			return new Expr.Omitted(null);
		}
		if (e instanceof Expr.Comparison c) {
			return new Expr.Comparison(c.operator(), withoutSpans(c.left()), withoutSpans(c.right()), null);
		}
		Expr.Call c = (Expr.Call) e;
		return new Expr.Call(c.function(), c.arguments().stream().map(ExpressionParserTests::withoutSpans).toList(), null);
	}

}
