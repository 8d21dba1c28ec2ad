package io.scimflow.rules.expression;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.scimflow.rules.source.AppRoleAssignment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every function, with the documented examples of Microsoft's function reference as rows
 * (inputs and expected outputs), plus the null and case rules.
 */
class FunctionTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-02T15:33:38Z"), ZoneOffset.UTC);

	static Object eval(String expression, Object... attributes) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < attributes.length; i += 2) {
			map.put((String) attributes[i], attributes[i + 1]);
		}
		return ExpressionParser.parseExpression(expression)
			.evaluate(new MapEvaluationContext(map, CLOCK, new Random(42), "contoso.com"));
	}

	static String text(String expression, Object... attributes) {
		return Values.asString(eval(expression, attributes));
	}

	@Nested
	class DocumentedExamples {

		@Test
		void append() {
			assertThat(eval("Append([userPrincipalName], \".test\")", "userPrincipalName", "John.Doe@contoso.com"))
				.isEqualTo("John.Doe@contoso.com.test");
		}

		@Test
		void bitAnd() {
			assertThat(eval("BitAnd(&HF, &HF7)")).isEqualTo(7L);
		}

		@Test
		void cbool() {
			assertThat(eval("CBool([attribute1] = [attribute2])", "attribute1", "a", "attribute2", "a")).isEqualTo(true);
			assertThat(eval("CBool([attribute1] = [attribute2])", "attribute1", "a", "attribute2", "b")).isEqualTo(false);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				2020-03-16-07:00          | 3/16/2020 7:00:00 AM
				2021-06-30+08:00          | 6/29/2021 4:00:00 PM
				2009-06-15T01:45:30-07:00 | 6/15/2009 8:45:30 AM
				""")
		void cdate(String input, String expected) {
			assertThat(text("CDate([StatusHireDate])", "StatusHireDate", input)).isEqualTo(expected);
		}

		@Test
		void coalesce() {
			assertThat(eval("Coalesce([mail],[userPrincipalName])", "userPrincipalName", "John.Doe@contoso.com"))
				.isEqualTo("John.Doe@contoso.com");
		}

		@Test
		void convertToBase64() {
			assertThat(eval("ConvertToBase64(\"Hello world!\")")).isEqualTo("SABlAGwAbABvACAAdwBvAHIAbABkACEA");
		}

		@Test
		void convertToUtf8Hex() {
			assertThat(eval("ConvertToUTF8Hex(\"Hello world!\")")).isEqualTo("48656C6C6F20776F726C6421");
		}

		@Test
		void cstr() {
			assertThat(eval("CStr([dn])", "dn", "cn=Joe,dc=contoso,dc=com")).isEqualTo("cn=Joe,dc=contoso,dc=com");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				d    |   7 | 3/23/2012 7:00:00 AM
				d    | -10 | 3/6/2012 7:00:00 AM
				ww   |   2 | 3/30/2012 7:00:00 AM
				m    |  10 | 1/16/2013 7:00:00 AM
				yyyy |   2 | 3/16/2014 7:00:00 AM
				""")
		void dateAdd(String interval, int value, String expected) {
			assertThat(text("DateAdd(\"" + interval + "\", " + value + ", CDate([StatusHireDate]))", "StatusHireDate",
					"2012-03-16-07:00"))
				.isEqualTo(expected);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				d    | 2021-08-18+08:00     | 2021-08-31+08:00 | 13
				d    | 8/25/2021 5:41:18 PM | 2012-03-16-07:00 | -3449
				ww   | 8/25/2021 5:41:18 PM | 2012-03-16-07:00 | -493
				m    | 8/25/2021 5:41:18 PM | 2012-03-16-07:00 | -113
				yyyy | 8/25/2021 5:41:18 PM | 2012-03-16-07:00 | -9
				d    | 2021-08-31+08:00     | 2021-08-31+08:00 | 0
				h    | 2021-08-24           | 2021-08-25       | 24
				n    | 2021-08-24           | 2021-08-25       | 1440
				s    | 2021-08-24           | 2021-08-25       | 86400
				""")
		void dateDiff(String interval, String date1, String date2, long expected) {
			assertThat(eval("DateDiff(\"" + interval + "\", CDate([d1]), CDate([d2]))", "d1", date1, "d2", date2))
				.isEqualTo(expected);
		}

		@Test
		void dateDiffWithNow() {
			assertThat(eval("DateDiff(\"d\", Now(), CDate([StatusHireDate]))", "StatusHireDate", "2021-07-12"))
				.isEqualTo(9L);
		}

		@Test
		void dateFromNum() {
			assertThat(text("DateFromNum(129699324000000000)")).isEqualTo("1/1/2012 11:00:00 PM");
		}

		@Test
		void defaultDomain() {
			assertThat(eval("Join(\"@\", [mailNickname], DefaultDomain())", "mailNickname", "jdoe"))
				.isEqualTo("jdoe@contoso.com");
		}

		@Test
		void formatDateTime() {
			assertThat(eval("FormatDateTime([extensionAttribute1], , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\")",
					"extensionAttribute1", "20150123105347.1Z"))
				.isEqualTo("2015-01-23");
		}

		@Test
		void ignoreFlowIfNullOrEmpty() {
			assertThat(eval("IgnoreFlowIfNullOrEmpty([department])")).isSameAs(Values.IGNORE_FLOW);
			assertThat(eval("IgnoreFlowIfNullOrEmpty(Switch([prefix], \"\", \"3443\", \"Dr.\", \"3444\", \"Prof.\"))",
					"prefix", "9999"))
				.isSameAs(Values.IGNORE_FLOW);
			assertThat(eval("IgnoreFlowIfNullOrEmpty([department])", "department", "IT")).isEqualTo("IT");
		}

		@Test
		void iif() {
			String expr = "IIF([country]=\"USA\",[country],[department])";
			assertThat(eval(expr, "country", "USA", "department", "Sales")).isEqualTo("USA");
			assertThat(eval(expr, "country", "FR", "department", "Sales")).isEqualTo("Sales");
		}

		@Test
		void iifAndAndOrByNesting() {
			String and = "IIF([country]=\"USA\",IIF([state]=\"CA\",\"True\",\"False\"),\"False\")";
			assertThat(eval(and, "country", "USA", "state", "CA")).isEqualTo("True");
			assertThat(eval(and, "country", "USA", "state", "NY")).isEqualTo("False");
			String or = "IIF([country]=\"USA\",\"True\",IIF([state]=\"CA\",\"True\",\"False\"))";
			assertThat(eval(or, "country", "FR", "state", "CA")).isEqualTo("True");
		}

		@Test
		void iifConditionFailsWhenTheTestedAttributeIsNullOrEmpty() {
			assertThat(eval("IIF([country]=\"\",\"Other\",[country])", "country", "")).isEqualTo("");
			assertThat(eval("IIF(IsNullOrEmpty([country]),\"Other\",[country])")).isNull();
			assertThat(eval("IIF(IsPresent([country]),[country],\"Other\")")).isEqualTo("Other");
			assertThat(eval("Switch([country],[country],\"\",\"Other\")")).isEqualTo("Other");
			assertThat(eval("Switch([country],[country],\"\",\"Other\")", "country", "NZ")).isEqualTo("NZ");
		}

		@Test
		void inStr() {
			assertThat(eval("InStr(\"The quick brown fox\",\"quick\")")).isEqualTo(5L);
			assertThat(eval("InStr(\"repEated\",\"e\",3,vbBinaryCompare)")).isEqualTo(7L);
			assertThat(eval("InStr(\"repEated\",\"e\",3,vbTextCompare)")).isEqualTo(4L);
			assertThat(eval("InStr(\"abc\",\"x\")")).isEqualTo(0L);
			assertThat(eval("InStr([missing],\"x\")")).isEqualTo(0L);
		}

		@Test
		void isNullIsNullOrEmptyIsPresent() {
			assertThat(eval("IsNull([displayName])")).isEqualTo(true);
			assertThat(eval("IsNull([displayName])", "displayName", "")).isEqualTo(false);
			assertThat(eval("IsNullOrEmpty([displayName])", "displayName", "")).isEqualTo(true);
			assertThat(eval("IsNullOrEmpty([displayName])", "displayName", "x")).isEqualTo(false);
			assertThat(eval("IsPresent([directManager])", "directManager", "m")).isEqualTo(true);
			assertThat(eval("IsPresent([directManager])", "directManager", "")).isEqualTo(false);
		}

		@Test
		void isString() {
			assertThat(eval("IsString([displayName])", "displayName", "x")).isEqualTo(true);
			assertThat(eval("IsString([accountEnabled])", "accountEnabled", true)).isEqualTo(false);
			assertThat(eval("IsString([displayName])")).isEqualTo(false);
		}

		@Test
		void item() {
			List<String> proxies = List.of("SMTP:a@x.com", "smtp:b@x.com");
			assertThat(eval("Item([proxyAddresses], 1)", "proxyAddresses", proxies)).isEqualTo("SMTP:a@x.com");
			assertThat(eval("Item([proxyAddresses], 2)", "proxyAddresses", proxies)).isEqualTo("smtp:b@x.com");
			assertThat(eval("Item([proxyAddresses], 3)", "proxyAddresses", proxies)).isNull();
			assertThat(eval("Item([proxyAddresses], 0)", "proxyAddresses", proxies)).isNull();
		}

		@Test
		void join() {
			assertThat(eval("Join(\", \", \"\", [surname], [givenName])", "givenName", "John", "surname", "Doe"))
				.isEqualTo("Doe, John");
			assertThat(eval("Join(\",\", [otherMails], [mail])", "otherMails", List.of("a@x", "b@x"), "mail", "c@x"))
				.isEqualTo("a@x,b@x,c@x");
			assertThat(eval("Join(\" \", [givenName], [surname])", "givenName", "John")).isEqualTo("John");
			assertThat(eval("Join(\" \", [givenName], [surname])")).isNull();
			assertThat(eval("Join(\"\", 1000, \"x\")")).isEqualTo("1000x");
		}

		@Test
		void left() {
			assertThat(eval("Left(\"John Doe\", 3)")).isEqualTo("Joh");
			assertThat(eval("Left(\"John Doe\", 0)")).isEqualTo("");
			assertThat(eval("Left(\"John Doe\", -1)")).isEqualTo("John Doe");
			assertThat(eval("Left(\"John\", 10)")).isEqualTo("John");
			assertThat(eval("Left([missing], 3)")).isEqualTo("");
		}

		@Test
		void len() {
			assertThat(eval("Len(\"John Doe\")")).isEqualTo(8L);
			assertThat(eval("Len(42568)")).isEqualTo(5L);
			assertThat(eval("Len(42568.75)")).isEqualTo(8L);
			assertThat(eval("Len([missing])")).isEqualTo(0L);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				John | Smith  | SmithJohn
				John | Parker | ParkerJ
				""")
		void lenAliasExample(String first, String last, String expected) {
			String expr = "IIF(Len([LastName]) <= 5,\n  Left(Join (\"\",[LastName],[FirstName]),10),\n"
					+ "  Join(\"\", Mid([LastName],1,9), Mid([FirstName],1,1))\n)";
			assertThat(eval(expr, "FirstName", first, "LastName", last)).isEqualTo(expected);
		}

		@Test
		void mid() {
			assertThat(eval("Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))", "givenName", "John", "surname", "Doe"))
				.isEqualTo("JohDoe");
			assertThat(eval("Mid(\"abc\", 5, 2)")).isEqualTo("");
			assertThat(eval("Mid([missing], 1, 2)")).isNull();
		}

		@Test
		void normalizeDiacritics() {
			assertThat(eval("NormalizeDiacritics([givenName])", "givenName", "Zoë")).isEqualTo("Zoe");
			assertThat(eval("NormalizeDiacritics(\"äÀåąāǟ ßæǣÆ øØ łŁ ñ š ť ü ÿ ž ı İ ğ ď ř ľ\")"))
				.isEqualTo("aAaaaa ssaeaeAE oeOE lL n s t u y z i I g d r l");
		}

		@Test
		void not() {
			assertThat(eval("Not([IsSoftDeleted])", "IsSoftDeleted", true)).isEqualTo(false);
			assertThat(eval("Not([IsSoftDeleted])", "IsSoftDeleted", "False")).isEqualTo(true);
			assertThat(eval("Not([IsSoftDeleted])", "IsSoftDeleted", "true")).isEqualTo(false);
			assertThat(eval("Not([missing])")).isEqualTo(true);
		}

		@Test
		void now() {
			assertThat(text("Now()")).isEqualTo("7/2/2021 3:33:38 PM");
		}

		@Test
		void numFromDate() {
			assertThat(eval("NumFromDate(\"2012-01-01T23:00:00Z\")")).isEqualTo(129699324000000000L);
			assertThat(eval("NumFromDate(Join(\"\", FormatDateTime([ContractEndDate], ,\"yyyy-MM-ddzzz\", \"yyyy-MM-dd\"), \" 23:59:59-08:00\"))",
					"ContractEndDate", "2020-12-31-08:00"))
				.isEqualTo(eval("NumFromDate(\"2021-01-01T07:59:59Z\")"));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				PCase([firstName])                         | PABLO GONSALVES (SECOND) | Pablo Gonsalves (Second)
				PCase([firstName]," '-")                   | PINTO-DE'SILVA           | Pinto-De'Silva
				PCase(Join(" ",[firstName],"JAMES"))       | GREGORY                  | Gregory James
				""")
		void pcase(String expr, String input, String expected) {
			assertThat(eval(expr, "firstName", input)).isEqualTo(expected);
		}

		@Test
		void randomString() {
			String value = (String) eval("RandomString(6,3,0,0,3)");
			assertThat(value).hasSize(6);
			assertThat(value.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(3);
			assertThat(value.chars().filter(Character::isLowerCase).count()).isGreaterThanOrEqualTo(3);
			String avoid = (String) eval("RandomString(10,2,2,2,1,\"?,\")");
			assertThat(avoid).hasSize(10).doesNotContain("?").doesNotContain(",");
			assertThat(avoid.chars().filter(Character::isUpperCase).count()).isGreaterThanOrEqualTo(2);
			assertThat(eval("RandomString(6,3,0,0,3)")).isEqualTo(value);
		}

		@Test
		void redact() {
			Object value = eval("Redact([userPrincipalName])", "userPrincipalName", "a@b.com");
			assertThat(value).isEqualTo(new Values.Redacted("a@b.com"));
			assertThat(value.toString()).isEqualTo("[Redact]");
			assertThat(Values.unwrap(eval("Redact(RandomString(6,3,0,0,3))")).toString()).hasSize(6);
			assertThat(eval("Join(\"-\", Redact(\"a\"), \"b\")")).isEqualTo("a-b");
		}

		@Test
		void removeDuplicates() {
			assertThat(eval("RemoveDuplicates([proxyAddresses])", "proxyAddresses", List.of("a", "b", "a", "A")))
				.isEqualTo(List.of("a", "b", "A"));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )                            | BusinessTitle     | Product Developer    | Software Engineer
				Replace([UserID],"<username>", , , , , "<username>@contoso.com")                                    | UserID            | jsmith               | jsmith@contoso.com
				Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "${phoneNumber}", , ) | telephoneNumber | +91 9998887777       | 9998887777
				Replace([mobile], , "[()\\\\s-]+", , "", , )                                                        | mobile            | +1 (999) 888-7777    | +19998887777
				Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )                 | AddressLineData   | 545 Tremont Street   | 888 Tremont Street
				Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )                                | userPrincipalName | jsmith@contoso.com   | jsmith
				Replace([mailNickname], , "[a-zA-Z_]*", , "", , )                                                  | mailNickname      | john_doe72           | 72
				Replace([mail], "@contoso.com", , ,"", ,)                                                          | mail              | john.doe@contoso.com | john.doe
				""")
		void replace(String expr, String attribute, String input, String expected) {
			assertThat(eval(expr, attribute, input)).isEqualTo(expected);
		}

		@Test
		void replaceFromAnotherAttributeWhenTheSourceIsEmpty() {
			String expr = "Replace([telephoneNumber], , \"\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})\", \"phoneNumber\" , , [mobile], )";
			assertThat(eval(expr, "telephoneNumber", "", "mobile", "+91 8887779999")).isEqualTo("8887779999");
			assertThat(eval(expr, "telephoneNumber", "+1 5", "mobile", "+91 8887779999")).isEqualTo("+1 5");
		}

		@Test
		void replaceIsCaseSensitive() {
			assertThat(eval("Replace([mail], \"@CONTOSO.com\", , ,\"\", ,)", "mail", "john@contoso.com"))
				.isEqualTo("john@contoso.com");
		}

		@Test
		void replaceTreatsBackslashAndDollarInReplacementLikeDotNet() {
			assertThat(eval("Replace([a], , \"x\", , \"\\\\$$\", , )", "a", "axb")).isEqualTo("a\\$b");
		}

		@Test
		void split() {
			assertThat(eval("Split([extensionAttribute5], \",\")", "extensionAttribute5",
					"PermissionSetOne, PermissionSetTwo"))
				.isEqualTo(List.of("PermissionSetOne", "PermissionSetTwo"));
		}

		@Test
		void splitOfJoinBuildsProxyAddresses() {
			String expr = """
					Split(
					    Join(",",
					        Append("smtp:", Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.onmicrosoft.com")),
					        Append("SMTP:", Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com"))
					    ),
					    ","
					)""";
			assertThat(eval(expr, "givenName", "John", "surname", "Doe"))
				.isEqualTo(List.of("smtp:John.Doe@contoso.onmicrosoft.com", "SMTP:John.Doe@contoso.com"));
			assertThat(eval("Append(\"SMTP:\", Join(\"@\", Join(\".\", [givenName], [surname]), \"contoso.com\"))",
					"givenName", "John", "surname", "Doe"))
				.isEqualTo("SMTP:John.Doe@contoso.com");
		}

		@Test
		void stripSpaces() {
			assertThat(eval("StripSpaces(\" J o hn \")")).isEqualTo("John");
		}

		@Test
		void switchFunction() {
			String expr = "Switch([state], \"Australia/Sydney\", \"NSW\", \"Australia/Sydney\",\"QLD\", \"Australia/Brisbane\", \"SA\", \"Australia/Adelaide\")";
			assertThat(eval(expr, "state", "QLD")).isEqualTo("Australia/Brisbane");
			assertThat(eval(expr, "state", "qld")).isEqualTo("Australia/Sydney");
			assertThat(eval(expr, "state", "WA")).isEqualTo("Australia/Sydney");
			assertThat(eval("Switch(ToLower([statusFlag]), \"0\", \"true\", \"1\", \"false\", \"0\")", "statusFlag",
					"TRUE"))
				.isEqualTo("1");
			assertThat(eval("Switch([statusFlag], \"Default Value\", \"true\", \"1\", \"\", \"0\")")).isEqualTo("0");
			assertThat(eval("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", "IsSoftDeleted", false))
				.isEqualTo("True");
			assertThat(eval("Switch([x], , \"a\", \"b\")", "x", "z")).isNull();
		}

		@Test
		void toLowerAndToUpper() {
			assertThat(eval("ToLower(Join(\"@\", NormalizeDiacritics(StripSpaces(Join(\".\",  [PreferredFirstName], [PreferredLastName]))), \"contoso.com\"))",
					"PreferredFirstName", "John", "PreferredLastName", "Smith"))
				.isEqualTo("john.smith@contoso.com");
			assertThat(eval("ToUpper(\"title\")")).isEqualTo("TITLE");
			assertThat(eval("ToUpper(\"title\", \"tr-TR\")")).isEqualTo("TİTLE");
			assertThat(eval("ToLower(\"TITLE\", \"tr-TR\")")).isEqualTo("tıtle");
			assertThat(eval("ToLower(\"TITLE\")")).isEqualTo("title");
			assertThat(eval("ToLower([missing])")).isNull();
		}

		@Test
		void word() {
			assertThat(eval("Word(\"The quick brown fox\",3,\" \")")).isEqualTo("brown");
			assertThat(eval("Word(\"This,string!has&many separators\",3,\",!&#\")")).isEqualTo("has");
			assertThat(eval("Word(\"a b\",0,\" \")")).isEqualTo("");
			assertThat(eval("Word(\"a b\",3,\" \")")).isEqualTo("");
			assertThat(eval("Word([missing],1,\" \")")).isEqualTo("");
		}

		@Test
		void guidIsDeterministicWithAnInjectedRandomSource() {
			String guid = (String) eval("Guid()");
			assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			assertThat(eval("Guid()")).isEqualTo(guid);
		}

		@Test
		void countAndNullCount() {
			assertThat(eval("Count([businessPhones])", "businessPhones", List.of("1", "2"))).isEqualTo(2L);
			assertThat(eval("Count([businessPhones])")).isEqualTo(0L);
			assertThat(eval("Count([mail])", "mail", "a")).isEqualTo(1L);
		}

	}

	@Nested
	class AppRoles {

		private final AppRoleAssignmentsValue roles = new AppRoleAssignmentsValue(List.of(
				AppRoleAssignment.viaGroup("r2", "Writer", "Writer", "g1", "Writers"),
				AppRoleAssignment.direct("r1", "Admin", "Administrator"),
				AppRoleAssignment.direct(AppRoleAssignment.DEFAULT_ACCESS_ROLE_ID, null, "Default Access")));

		@Test
		void singleAppRoleAssignmentPrefersDirectAndIgnoresDefaultAccess() {
			assertThat(eval("SingleAppRoleAssignment([appRoleAssignments])", "appRoleAssignments", this.roles))
				.isEqualTo("Admin");
			assertThat(eval("SingleAppRoleAssignment([appRoleAssignments])", "appRoleAssignments",
					new AppRoleAssignmentsValue(List.of(AppRoleAssignment.direct(AppRoleAssignment.DEFAULT_ACCESS_ROLE_ID,
							"msiam_access", "Default Access")))))
				.isNull();
		}

		@Test
		void complexRolesAreNotPrimaryAndAdd() {
			RoleValues value = (RoleValues) eval("AppRoleAssignmentsComplex([appRoleAssignments])", "appRoleAssignments",
					this.roles);
			assertThat(value.assertive()).isFalse();
			assertThat(value.asScim()).containsExactly(
					Map.of("primary", false, "type", "WindowsAzureActiveDirectoryRole", "display", "Writer", "value", "Writer"),
					Map.of("primary", false, "type", "WindowsAzureActiveDirectoryRole", "display", "Administrator", "value",
							"Admin"));
		}

		@Test
		void assertiveRolesReplace() {
			RoleValues value = (RoleValues) eval("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])",
					"appRoleAssignments", this.roles);
			assertThat(value.assertive()).isTrue();
			assertThat(value.roles()).hasSize(2);
		}

		@Test
		void countsAssignments() {
			assertThat(eval("Count([appRoleAssignments])", "appRoleAssignments", this.roles)).isEqualTo(3L);
		}

		@Test
		void rejectsSomethingElse() {
			assertThatThrownBy(() -> eval("SingleAppRoleAssignment([mail])", "mail", "x"))
				.isInstanceOfSatisfying(ExpressionException.class,
						(ex) -> assertThat(ex.error()).isEqualTo(ExpressionError.INVALID_ARGUMENT));
		}

	}

	@Nested
	class EvaluationErrors {

		@Test
		void badIntervalNamesTheCallPosition() {
			assertThatThrownBy(() -> eval("Join(\"\", DateAdd(\"x\", 1, Now()))"))
				.isInstanceOfSatisfying(ExpressionException.class, (ex) -> {
					assertThat(ex.error()).isEqualTo(ExpressionError.INVALID_ARGUMENT);
					assertThat(ex.position()).isEqualTo(10);
				});
		}

		@Test
		void notANumber() {
			assertThatThrownBy(() -> eval("Left([a], [b])", "a", "x", "b", "y"))
				.isInstanceOfSatisfying(ExpressionException.class,
						(ex) -> assertThat(ex.error()).isEqualTo(ExpressionError.INVALID_ARGUMENT));
		}

		@Test
		void notADate() {
			assertThatThrownBy(() -> eval("CDate([a])", "a", "yesterday"))
				.isInstanceOfSatisfying(ExpressionException.class,
						(ex) -> assertThat(ex.error()).isEqualTo(ExpressionError.INVALID_DATE));
		}

		@Test
		void missingDefaultDomain() {
			assertThatThrownBy(() -> ExpressionParser.parseExpression("DefaultDomain()")
				.evaluate(MapEvaluationContext.of(Map.of())))
				.isInstanceOfSatisfying(ExpressionException.class,
						(ex) -> assertThat(ex.error()).isEqualTo(ExpressionError.NO_DEFAULT_DOMAIN));
		}

		@Test
		void randomStringMinimumsOverTheLength() {
			assertThatThrownBy(() -> eval("RandomString(3,2,2,0,0)")).isInstanceOf(ExpressionException.class)
				.hasMessageContaining("more than the length");
		}

	}

	@Nested
	class Comparisons {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				[a] = "x"   | x  | true
				[a] = "X"   | x  | false
				[a] <> "X"  | x  | true
				[a] > 5     | 10 | true
				[a] >= 10   | 10 | true
				[a] < 9     | 10 | false
				[a] <= 10.0 | 10 | true
				[a] > "b"   | c  | true
				""")
		void compareNumbersNumericallyAndStringsCaseSensitively(String condition, String a, boolean expected) {
			assertThat(eval("CBool(" + condition + ")", "a", a)).isEqualTo(expected);
		}

		@Test
		void aComparisonWithANullSideIsFalse() {
			assertThat(eval("CBool([a] <> \"x\")")).isEqualTo(false);
		}

	}

	@Test
	void attributeNamesAreCaseInsensitive() {
		assertThat(eval("[GIVENNAME]", "givenName", "John")).isEqualTo("John");
	}

	@Test
	void everyFunctionIsDocumentedWithAnExample() {
		assertThat(FunctionCatalog.standard().all()).allSatisfy((spec) -> {
			assertThat(spec.description()).isNotBlank();
			assertThat(spec.example()).isNotBlank();
			assertThat(spec.signature()).startsWith(spec.name() + "(");
		});
		assertThat(FunctionCatalog.standard().all()).extracting(FunctionSpec::name)
			.contains("Append", "AppRoleAssignmentsComplex", "AssertiveAppRoleAssignmentsComplex", "BitAnd", "CBool",
					"CDate", "Coalesce", "ConvertToBase64", "ConvertToUTF8Hex", "Count", "CStr", "DateAdd", "DateDiff",
					"DateFromNum", "DefaultDomain", "FormatDateTime", "Guid", "IgnoreFlowIfNullOrEmpty", "IIF", "InStr",
					"IsNull", "IsNullOrEmpty", "IsPresent", "IsString", "Item", "Join", "Left", "Len", "Mid",
					"NormalizeDiacritics", "Not", "Now", "NumFromDate", "PCase", "RandomString", "Redact",
					"RemoveDuplicates", "Replace", "SingleAppRoleAssignment", "Split", "StripSpaces", "Switch",
					"ToLower", "ToUpper", "Word");
	}

}
