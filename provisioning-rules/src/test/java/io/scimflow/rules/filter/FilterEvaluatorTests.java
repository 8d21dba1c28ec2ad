package io.scimflow.rules.filter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FilterEvaluatorTests {

	private final FilterEvaluator evaluator = new FilterEvaluator();

	@ParameterizedTest(name = "{1} {2} {3} on \"{0}\" -> {4}")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			Sales            | department | EQUALS                 | Sales           | true
			sales            | department | EQUALS                 | Sales           | false
			NULL             | department | EQUALS                 | Sales           | false
			''               | department | EQUALS                 | ''              | false
			Marketing        | department | NOT EQUALS             | Sales           | true
			Sales            | department | NOT EQUALS             | Sales           | false
			sales            | department | NOT EQUALS             | Sales           | true
			NULL             | department | NOT EQUALS             | Sales           | false
			True             | flag       | IS TRUE                | NULL            | true
			true             | flag       | IS TRUE                | NULL            | true
			False            | flag       | IS TRUE                | NULL            | false
			NULL             | flag       | IS TRUE                | NULL            | false
			False            | flag       | IS FALSE               | NULL            | true
			True             | flag       | IS FALSE               | NULL            | false
			NULL             | flag       | IS FALSE               | NULL            | false
			NULL             | department | IS NULL                | NULL            | true
			''               | department | IS NULL                | NULL            | true
			Sales            | department | IS NULL                | NULL            | false
			Sales            | department | IS NOT NULL            | NULL            | true
			NULL             | department | IS NOT NULL            | NULL            | false
			''               | department | IS NOT NULL            | NULL            | false
			jo@contoso.com   | mail       | REGEX MATCH            | .*\\@contoso.com | true
			jo@CONTOSO.com   | mail       | REGEX MATCH            | .*\\@contoso.com | false
			x jo@contoso.com | mail       | REGEX MATCH            | contoso         | true
			NULL             | mail       | REGEX MATCH            | .*              | false
			jo@fabrikam.com  | mail       | NOT REGEX MATCH        | .*@contoso.com  | true
			jo@contoso.com   | mail       | NOT REGEX MATCH        | .*@contoso.com  | false
			NULL             | mail       | NOT REGEX MATCH        | .*@contoso.com  | false
			''               | mail       | NOT REGEX MATCH        | .*@contoso.com  | false
			Senior Engineer  | jobTitle   | Includes               | Engineer        | true
			Senior engineer  | jobTitle   | Includes               | Engineer        | false
			NULL             | jobTitle   | Includes               | Engineer        | false
			jo@contoso.com   | mail       | ENDS_WITH              | @contoso.com    | true
			jo@contoso.comx  | mail       | ENDS_WITH              | @contoso.com    | false
			jo@CONTOSO.COM   | mail       | ENDS_WITH              | @contoso.com    | false
			NULL             | mail       | ENDS_WITH              | @contoso.com    | false
			11               | level      | Greater_Than           | 10              | true
			10               | level      | Greater_Than           | 10              | false
			abc              | level      | Greater_Than           | 10              | false
			10.5             | level      | Greater_Than           | 10              | false
			NULL             | level      | Greater_Than           | 10              | false
			10               | level      | Greater_Than_OR_EQUALS | 10              | true
			9                | level      | Greater_Than_OR_EQUALS | 10              | false
			9                | level      | Less_Than              | 10              | true
			10               | level      | Less_Than              | 10              | false
			10               | level      | Less_Than_OR_EQUALS    | 10              | true
			11               | level      | Less_Than_OR_EQUALS    | 10              | false
			Sales            | department | &                      | Sales,IT        | true
			IT               | department | &                      | Sales,IT        | true
			it               | department | &                      | Sales,IT        | false
			HR               | department | &                      | Sales,IT        | false
			NULL             | department | &                      | Sales,IT        | false
			HR               | department | !&                     | Sales,IT        | true
			IT               | department | !&                     | Sales,IT        | false
			NULL             | department | !&                     | Sales,IT        | false
			""")
	void everyOperator(String value, String attribute, String operator, String target, boolean expected) {
		FilterClause clause = new FilterClause(attribute, FilterOperator.fromName(operator).orElseThrow(),
				(target != null) ? List.of(target) : List.of());
		assertThat(this.evaluator.matches(clause, value)).isEqualTo(expected);
	}

	@Test
	void booleanAttributeValuesReadAsTrueAndFalse() {
		assertThat(this.evaluator.matches(FilterClause.of("accountEnabled", FilterOperator.IS_TRUE), true)).isTrue();
		assertThat(this.evaluator.matches(FilterClause.of("accountEnabled", FilterOperator.EQUALS, "True"), true))
			.isTrue();
		assertThat(this.evaluator.matches(FilterClause.of("accountEnabled", FilterOperator.IS_FALSE), false)).isTrue();
	}

	@Test
	void integerAttributeValuesCompare() {
		assertThat(this.evaluator.matches(FilterClause.of("level", FilterOperator.GREATER_THAN, "4"), 5L)).isTrue();
	}

	@Test
	void multiValuedAttributesAreNotSupportedSoTheClauseIsFalse() {
		assertThat(this.evaluator.matches(FilterClause.of("otherMails", FilterOperator.IS_NOT_NULL), List.of("a")))
			.isFalse();
	}

	@Test
	void clausesAreAndedAndFiltersOred() {
		FilterGroup salesInUs = new FilterGroup("sales in US", List.of(
				FilterClause.of("department", FilterOperator.EQUALS, "Sales"),
				FilterClause.of("country", FilterOperator.EQUALS, "US")));
		FilterGroup engineers = new FilterGroup("engineers",
				List.of(FilterClause.of("jobTitle", FilterOperator.INCLUDES, "Engineer")));
		ScopingFilter filter = new ScopingFilter(List.of(salesInUs, engineers));

		assertThat(evaluate(filter, Map.of("department", "Sales", "country", "US")).passed()).isTrue();
		assertThat(evaluate(filter, Map.of("department", "Sales", "country", "FR")).passed()).isFalse();
		assertThat(evaluate(filter, Map.of("jobTitle", "Engineer", "country", "FR")).passed()).isTrue();
		FilterResult result = evaluate(filter, Map.of("department", "Sales"));
		assertThat(result.passed()).isFalse();
		assertThat(result.detail()).contains("country EQUALS US").contains("jobTitle Includes Engineer");
	}

	@Test
	void noFilterLetsEverythingPass() {
		assertThat(evaluate(ScopingFilter.NONE, Map.of()).passed()).isTrue();
	}

	@Test
	void attributeNamesAreCaseInsensitive() {
		ScopingFilter filter = new ScopingFilter(
				List.of(new FilterGroup("f", List.of(FilterClause.of("Department", FilterOperator.EQUALS, "IT")))));
		assertThat(evaluate(filter, Map.of("department", "IT")).passed()).isTrue();
	}

	@Nested
	class OperatorNames {

		@Test
		void acceptEntraSpellingsIgnoringCaseAndUnderscores() {
			assertThat(FilterOperator.fromName("NOT EQUALS")).contains(FilterOperator.NOT_EQUALS);
			assertThat(FilterOperator.fromName("not_equals")).contains(FilterOperator.NOT_EQUALS);
			assertThat(FilterOperator.fromName("Greater_Than_OR_EQUALS")).contains(FilterOperator.GREATER_THAN_OR_EQUALS);
			assertThat(FilterOperator.fromName("!&")).contains(FilterOperator.NOT_IN);
			assertThat(FilterOperator.fromName("includes")).contains(FilterOperator.INCLUDES);
		}

		@Test
		void rejectUnknownNames() {
			assertThat(FilterOperator.fromName("CONTAINS")).isEmpty();
			assertThat(FilterOperator.fromName(null)).isEmpty();
		}

	}

	private FilterResult evaluate(ScopingFilter filter, Map<String, Object> attributes) {
		Map<String, Object> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		map.putAll(attributes);
		return this.evaluator.evaluate(filter, map::get);
	}

}
