package io.scimflow.rules.expression;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every function of the expression language, with its arity, documentation and behaviour.
 * Function names are case-sensitive, as in Entra. Immutable and shared.
 */
public final class FunctionCatalog {

	private static final FunctionCatalog STANDARD = build();

	private final Map<String, FunctionSpec> functions;

	private FunctionCatalog(Map<String, FunctionSpec> functions) {
		this.functions = Collections.unmodifiableMap(functions);
	}

	/** The catalogue of Entra's functions that make sense outside Active Directory. */
	public static FunctionCatalog standard() {
		return STANDARD;
	}

	/** The function with exactly this name. */
	public Optional<FunctionSpec> find(String name) {
		return Optional.ofNullable(this.functions.get(name));
	}

	/** The function whose name matches ignoring case (for "did you mean" hints). */
	public Optional<FunctionSpec> findIgnoringCase(String name) {
		return this.functions.values().stream().filter((f) -> f.name().equalsIgnoreCase(name)).findFirst();
	}

	/** All functions, in alphabetical order. */
	public Collection<FunctionSpec> all() {
		return this.functions.values();
	}

	private static FunctionCatalog build() {
		Builder b = new Builder();
		b.add("Append", 2, 2, "Append(source, suffix)", "Appends suffix to source. A null source reads as \"\".",
				"Append([userPrincipalName], \".test\") with \"John.Doe@contoso.com\" -> \"John.Doe@contoso.com.test\"",
				TextFunctions::append);
		b.add("AppRoleAssignmentsComplex", 1, 1, "AppRoleAssignmentsComplex([appRoleAssignments])",
				"All of the user's app roles as SCIM roles (primary=false, type WindowsAzureActiveDirectoryRole); "
						+ "they are added to the target's roles, none removed. Default Access is not a role.",
				"AppRoleAssignmentsComplex([appRoleAssignments]) with roles Admin and Writer -> "
						+ "[{primary:false,type:WindowsAzureActiveDirectoryRole,display:Admin,value:Admin}, ...]",
				RoleFunctions::complex);
		b.add("AssertiveAppRoleAssignmentsComplex", 1, 1, "AssertiveAppRoleAssignmentsComplex([appRoleAssignments])",
				"Like AppRoleAssignmentsComplex, but the target's roles are replaced by exactly these "
						+ "(roles not assigned in the directory are removed).",
				"AssertiveAppRoleAssignmentsComplex([appRoleAssignments]) -> replaces roles with the assigned ones",
				RoleFunctions::assertive);
		b.add("BitAnd", 2, 2, "BitAnd(value1, value2)", "Bitwise AND of two integers (hex literals as &HFF).",
				"BitAnd(&HF, &HF7) -> 7", LogicFunctions::bitAnd);
		b.add("CBool", 1, 1, "CBool(expression)",
				"True when the expression is true, \"True\" or a non-zero number, else False.",
				"CBool([attribute1] = [attribute2]) -> True when both have the same value", LogicFunctions::cbool);
		b.add("CDate", 1, 1, "CDate(expression)",
				"Reads a date/time string (ISO 8601 with or without offset, date with offset such as "
						+ "2020-03-16-07:00, or M/d/yyyy h:mm:ss tt) as a UTC DateTime, shown as M/d/yyyy h:mm:ss tt.",
				"CDate(\"2009-06-15T01:45:30-07:00\") -> \"6/15/2009 8:45:30 AM\"", DateFunctions::cdate);
		b.addVarargs("Coalesce", 1, true, "Coalesce(source1, source2, ..., defaultValue)",
				"The first argument that is not null; null when all are null. An empty string is not null.",
				"Coalesce([mail], [userPrincipalName]) with mail null -> the userPrincipalName", LogicFunctions::coalesce);
		b.add("ConvertToBase64", 1, 1, "ConvertToBase64(source)", "Base64 of the UTF-16LE (\"Unicode\") bytes.",
				"ConvertToBase64(\"Hello world!\") -> \"SABlAGwAbABvACAAdwBvAHIAbABkACEA\"", TextFunctions::convertToBase64);
		b.add("ConvertToUTF8Hex", 1, 1, "ConvertToUTF8Hex(source)", "Upper-case hex of the UTF-8 bytes.",
				"ConvertToUTF8Hex(\"Hello world!\") -> \"48656C6C6F20776F726C6421\"", TextFunctions::convertToUtf8Hex);
		b.add("Count", 1, 1, "Count(attribute)", "The number of values of a multi-valued attribute (null -> 0).",
				"Count([businessPhones]) with two phones -> 2", LogicFunctions::count);
		b.add("CStr", 1, 1, "CStr(value)", "The value as a string; booleans read True/False.",
				"CStr([accountEnabled]) -> \"True\"", TextFunctions::cstr);
		b.add("DateAdd", 3, 3, "DateAdd(interval, value, dateTime)",
				"Adds value intervals (yyyy, q, m, d, ww, h, n, s) to a DateTime; months keep the day or clamp it.",
				"DateAdd(\"d\", 7, CDate(\"2012-03-16-07:00\")) -> \"3/23/2012 7:00:00 AM\"", DateFunctions::dateAdd);
		b.add("DateDiff", 3, 3, "DateDiff(interval, date1, date2)",
				"Intervals from date1 to date2 (positive when date2 is later); yyyy, q, m and ww count calendar "
						+ "boundaries, d, h, n and s truncate the elapsed time.",
				"DateDiff(\"d\", CDate(\"2021-08-18+08:00\"), CDate(\"2021-08-31+08:00\")) -> 13", DateFunctions::dateDiff);
		b.add("DateFromNum", 1, 1, "DateFromNum(value)",
				"An Active Directory FILETIME number (100 ns since 1601-01-01 UTC) as a DateTime.",
				"DateFromNum(129699324000000000) -> \"1/1/2012 11:00:00 PM\"", DateFunctions::dateFromNum);
		b.add("DefaultDomain", 0, 0, "DefaultDomain()",
				"The tenant's default verified domain (the app configuration's defaultDomain); an error when unset.",
				"Join(\"@\", [mailNickname], DefaultDomain()) -> \"jdoe@contoso.com\"", GeneratorFunctions::defaultDomain);
		b.add("FormatDateTime", 4, 4, Set.of(1), "FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat)",
				"Reads source with a .NET custom input format and writes it with the output format; "
						+ "dateTimeStyles may be left empty and is ignored; times without an offset are UTC.",
				"FormatDateTime(\"20150123105347.1Z\", , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\") -> \"2015-01-23\"",
				DateFunctions::formatDateTime, null);
		b.add("Guid", 0, 0, "Guid()", "A new random GUID.", "Guid() -> \"00aa00aa-bb11-4c22-9d33-44ee44ee44ee\"",
				GeneratorFunctions::guid);
		b.add("IgnoreFlowIfNullOrEmpty", 1, 1, "IgnoreFlowIfNullOrEmpty(expression)",
				"Drops the target attribute from the flow when the expression is null or empty. Not allowed as an "
						+ "IIF condition.",
				"IgnoreFlowIfNullOrEmpty([department]) with no department -> attribute not sent",
				LogicFunctions::ignoreFlowIfNullOrEmpty);
		b.add("IIF", 3, 3, Set.of(), "IIF(condition, valueIfTrue, valueIfFalse)",
				"valueIfTrue when the condition holds, else valueIfFalse. Conditions compare with = <> > >= < <=; "
						+ "no AND/OR (nest IIF). The condition fails when an attribute it reads is null or empty.",
				"IIF([country]=\"USA\", [country], [department])", (in) -> {
					throw new IllegalStateException("IIF is evaluated by the evaluator");
				}, LogicFunctions::validateIif);
		b.add("InStr", 2, 4, "InStr(value1, value2, start, compareType)",
				"1-based position of value2 in value1 from start (default 1), 0 when absent; compareType "
						+ "vbBinaryCompare (default, case-sensitive) or vbTextCompare.",
				"InStr(\"repEated\", \"e\", 3, vbBinaryCompare) -> 7", TextFunctions::inStr);
		b.add("IsNull", 1, 1, "IsNull(expression)", "True when the value is null (the attribute is absent).",
				"IsNull([displayName]) with no displayName -> True", LogicFunctions::isNull);
		b.add("IsNullOrEmpty", 1, 1, "IsNullOrEmpty(expression)", "True when the value is null or an empty string.",
				"IsNullOrEmpty([displayName]) with \"\" -> True", LogicFunctions::isNullOrEmpty);
		b.add("IsPresent", 1, 1, "IsPresent(expression)", "True when the value is neither null nor empty.",
				"IsPresent([manager]) with a manager -> True", LogicFunctions::isPresent);
		b.add("IsString", 1, 1, "IsString(expression)", "True when the value is a string.",
				"IsString([displayName]) -> True", LogicFunctions::isString);
		b.add("Item", 2, 2, "Item(attribute, index)",
				"The index-th value (1-based) of a multi-valued attribute; null when out of range.",
				"Item([otherMails], 1) -> the first value", LogicFunctions::item);
		b.addVarargs("Join", 2, true, "Join(separator, source1, source2, ...)",
				"Joins the values with the separator; multi-valued sources are flattened; null and empty values "
						+ "are skipped; null when nothing is left.",
				"Join(\", \", \"\", [surname], [givenName]) -> \"Doe, John\"", TextFunctions::join);
		b.add("Left", 2, 2, "Left(string, numChars)",
				"The first numChars characters; 0 -> \"\", negative -> the string, null string -> \"\".",
				"Left(\"John Doe\", 3) -> \"Joh\"", TextFunctions::left);
		b.add("Len", 1, 1, "Len(string)", "The number of characters (null or empty -> 0; numbers as written).",
				"Len(42568.75) -> 8", TextFunctions::len);
		b.add("Mid", 3, 3, "Mid(source, start, length)",
				"The substring from start (1-based) of at most length characters.",
				"Mid(\"John\", 1, 3) -> \"Joh\"", TextFunctions::mid);
		b.add("NormalizeDiacritics", 1, 1, "NormalizeDiacritics(source)",
				"Replaces letters with diacritics by plain ones (ä->a, ß->ss, æ->ae, ø->oe, ł->l, ...).",
				"NormalizeDiacritics(\"Zoë\") -> \"Zoe\"", TextFunctions::normalizeDiacritics);
		b.add("Not", 1, 1, "Not(source)", "False when source is True (boolean or \"True\"), otherwise True.",
				"Not([IsSoftDeleted]) for an active user -> True", LogicFunctions::not);
		b.add("Now", 0, 0, "Now()", "The current UTC date/time (M/d/yyyy h:mm:ss tt).",
				"Now() -> \"7/2/2021 3:33:38 PM\"", DateFunctions::now);
		b.add("NumFromDate", 1, 1, "NumFromDate(value)",
				"An ISO 8601 date/time as an Active Directory FILETIME number.",
				"NumFromDate(\"2012-01-01T23:00:00Z\") -> 129699324000000000", DateFunctions::numFromDate);
		b.add("PCase", 1, 2, "PCase(source, wordSeparators)",
				"First letter of each word upper case, the rest lower. Without separators, every character that "
						+ "is not a letter or digit separates words (like .NET ToTitleCase).",
				"PCase(\"PINTO-DE'SILVA\", \" '-\") -> \"Pinto-De'Silva\"", TextFunctions::pcase);
		b.add("RandomString", 5, 6,
				"RandomString(length, minimumNumbers, minimumSpecialCharacters, minimumCapital, minimumLowerCase, "
						+ "charactersToAvoid)",
				"A random string of length (max 256) with at least the given counts of each character class, "
						+ "avoiding the listed characters.",
				"RandomString(6, 3, 0, 0, 3) -> e.g. \"1a73qt\"", GeneratorFunctions::randomString);
		b.add("Redact", 1, 1, "Redact(value)",
				"The value flows to the target unchanged, but logs and previews show [Redact].",
				"Redact([userPrincipalName]) -> shown as [Redact]", LogicFunctions::redact);
		b.add("RemoveDuplicates", 1, 1, "RemoveDuplicates(attribute)",
				"The values of a multi-valued attribute without duplicates (case-sensitive, first kept).",
				"RemoveDuplicates([otherMails])", LogicFunctions::removeDuplicates);
		b.add("Replace", 1, 7, Set.of(), true,
				"Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, "
						+ "template)",
				"Case-sensitive replacement; the written arguments pick the mode: oldValue+replacementValue, "
						+ "oldValue+template, regexPattern+replacementValue (${group} substitutions), "
						+ "regexPattern+regexGroupName+replacementValue, regexPattern+regexGroupName+"
						+ "replacementAttributeName (only when source is empty).",
				"Replace([mail], \"@contoso.com\", , , \"\", , ) with \"john.doe@contoso.com\" -> \"john.doe\"",
				ReplaceFunction::apply, ReplaceFunction::validate);
		b.unsupported("SelectUniqueValue", "it checks uniqueness in on-premises Active Directory "
				+ "(Workday/SuccessFactors to AD only) and is not available for SCIM apps");
		b.add("SingleAppRoleAssignment", 1, 1, "SingleAppRoleAssignment([appRoleAssignments])",
				"One app role value of the user (direct before via-group, then alphabetical); Default Access is no "
						+ "role; null when none.",
				"SingleAppRoleAssignment([appRoleAssignments]) with role Admin -> \"Admin\"", RoleFunctions::single);
		b.add("Split", 2, 2, "Split(source, delimiter)",
				"Splits into a multi-valued result; each value is trimmed.",
				"Split(\"PermissionSetOne, PermissionSetTwo\", \",\") -> [\"PermissionSetOne\", \"PermissionSetTwo\"]",
				TextFunctions::split);
		b.add("StripSpaces", 1, 1, "StripSpaces(source)", "Removes every space character.",
				"StripSpaces(\"John Doe\") -> \"JohnDoe\"", TextFunctions::stripSpaces);
		b.add("Switch", 4, -1, Set.of(1), false, "Switch(source, defaultValue, key1, value1, key2, value2, ...)",
				"The value of the first key equal to source (case-sensitive; a null source matches \"\"), else "
						+ "defaultValue (may be left empty: null).",
				"Switch([state], \"Australia/Sydney\", \"NSW\", \"Australia/Sydney\", \"QLD\", \"Australia/Brisbane\") "
						+ "with \"QLD\" -> \"Australia/Brisbane\"",
				LogicFunctions::switchValue, LogicFunctions::validateSwitch);
		b.add("ToLower", 1, 2, "ToLower(source, culture)",
				"Lower case with the culture's rules (e.g. tr-TR), invariant by default.",
				"ToLower(\"John.Smith@Contoso.com\") -> \"john.smith@contoso.com\"", TextFunctions::toLower);
		b.add("ToUpper", 1, 2, "ToUpper(source, culture)",
				"Upper case with the culture's rules, invariant by default.", "ToUpper(\"abc\") -> \"ABC\"",
				TextFunctions::toUpper);
		b.add("Word", 3, 3, "Word(string, wordNumber, delimiters)",
				"The wordNumber-th word (1-based), words being separated by any of the delimiter characters; "
						+ "\"\" when out of range or null.",
				"Word(\"This,string!has&many separators\", 3, \",!&#\") -> \"has\"", TextFunctions::word);
		return new FunctionCatalog(b.functions);
	}

	private static final class Builder {

		private final Map<String, FunctionSpec> functions = new java.util.TreeMap<>();

		void add(String name, int min, int max, String signature, String description, String example,
				ExpressionFunction impl) {
			add(name, min, max, Set.of(), true, signature, description, example, impl, null);
		}

		void add(String name, int min, int max, Set<Integer> optional, String signature, String description,
				String example, ExpressionFunction impl, CallValidator validator) {
			add(name, min, max, optional, true, signature, description, example, impl, validator);
		}

		void add(String name, int min, int max, Set<Integer> optional, boolean omittableTail, String signature,
				String description, String example, ExpressionFunction impl, CallValidator validator) {
			this.functions.put(name, new FunctionSpec(name, min, max, optional, omittableTail, signature, description,
					example, null, impl, validator));
		}

		void addVarargs(String name, int min, boolean omittableTail, String signature, String description,
				String example, ExpressionFunction impl) {
			add(name, min, -1, Set.of(), omittableTail, signature, description, example, impl, null);
		}

		void unsupported(String name, String reason) {
			this.functions.put(name, new FunctionSpec(name, 0, -1, Set.of(), true, name + "(...)",
					"Not supported: " + reason + ".", "-", reason, (in) -> null, null));
		}

	}

	static Map<String, FunctionSpec> copy(Map<String, FunctionSpec> map) {
		return new LinkedHashMap<>(map);
	}

}
