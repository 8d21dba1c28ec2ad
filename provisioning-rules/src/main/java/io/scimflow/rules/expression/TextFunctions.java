package io.scimflow.rules.expression;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** String functions. */
final class TextFunctions {

	private TextFunctions() {
	}

	// Append(source, suffix): a null source reads as "".
	static Object append(Invocation in) {
		String source = in.string(0);
		String suffix = in.string(1);
		if (source == null && suffix == null) {
			return null;
		}
		return nullToEmpty(source) + nullToEmpty(suffix);
	}

	// ConvertToBase64(source): base64 of the UTF-16LE bytes (.NET "Unicode").
	static Object convertToBase64(Invocation in) {
		String source = in.string(0);
		return (source == null) ? null : Base64.getEncoder().encodeToString(source.getBytes(StandardCharsets.UTF_16LE));
	}

	// ConvertToUTF8Hex(source): upper-case hex of the UTF-8 bytes.
	static Object convertToUtf8Hex(Invocation in) {
		String source = in.string(0);
		return (source == null) ? null : HexFormat.of().withUpperCase().formatHex(source.getBytes(StandardCharsets.UTF_8));
	}

	static Object cstr(Invocation in) {
		return in.string(0);
	}

	// InStr(value1, value2, start?, compareType?): 1-based position, 0 when not found.
	static Object inStr(Invocation in) {
		String haystack = in.string(0);
		String needle = in.string(1);
		long start = in.integer(2, 1);
		boolean text = in.value(3) != null && in.integer(3) == 1;
		if (start < 1) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "InStr start must be 1 or more but is " + start);
		}
		if (haystack == null || haystack.isEmpty() || start > haystack.length()) {
			return 0L;
		}
		if (needle == null || needle.isEmpty()) {
			return start;
		}
		if (text) {
			haystack = haystack.toLowerCase(Locale.ROOT);
			needle = needle.toLowerCase(Locale.ROOT);
		}
		return (long) haystack.indexOf(needle, (int) start - 1) + 1;
	}

	// Join(separator, source1, ...): multi-valued sources are flattened; null and empty
	// values are skipped; nothing to join gives null.
	static Object join(Invocation in) {
		String separator = nullToEmpty(in.string(0));
		List<String> parts = new ArrayList<>();
		for (int i = 1; i < in.count(); i++) {
			for (Object value : Values.flatten(in.raw(i))) {
				String text = Values.asString(value);
				if (text != null && !text.isEmpty()) {
					parts.add(text);
				}
			}
		}
		return parts.isEmpty() ? null : String.join(separator, parts);
	}

	// Left(string, n): n = 0 -> "", n < 0 -> string, null -> "".
	static Object left(Invocation in) {
		String source = in.string(0);
		long n = in.integer(1);
		if (source == null || n == 0) {
			return "";
		}
		if (n < 0 || n >= source.length()) {
			return source;
		}
		return source.substring(0, (int) n);
	}

	// Len(string): null or empty -> 0; numbers count their written digits.
	static Object len(Invocation in) {
		String source = in.string(0);
		return (source == null) ? 0L : (long) source.length();
	}

	// Mid(source, start, length): 1-based; a length past the end stops at the end.
	static Object mid(Invocation in) {
		String source = in.string(0);
		long start = in.integer(1);
		long length = in.integer(2);
		if (start < 1) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "Mid start is 1-based and must be 1 or more but is " + start);
		}
		if (length < 0) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "Mid length must not be negative but is " + length);
		}
		if (source == null) {
			return null;
		}
		if (start > source.length()) {
			return "";
		}
		int from = (int) start - 1;
		int to = (int) Math.min(source.length(), from + length);
		return source.substring(from, to);
	}

	private static final Map<Character, String> SPECIAL_LETTERS = Map.ofEntries(Map.entry('ß', "ss"),
			Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "oe"), Map.entry('Ø', "OE"),
			Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ł', "l"), Map.entry('Ł', "L"),
			Map.entry('ı', "i"), Map.entry('đ', "d"), Map.entry('Đ', "D"));

	// NormalizeDiacritics(source): Entra's table = strip combining marks, plus the letters
	// that do not decompose (ß, æ, ø, œ, ł, ı).
	static Object normalizeDiacritics(Invocation in) {
		String source = in.string(0);
		if (source == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(source, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			String replacement = SPECIAL_LETTERS.get(c);
			out.append((replacement != null) ? replacement : String.valueOf(c));
		}
		return Normalizer.normalize(out, Normalizer.Form.NFC);
	}

	// PCase(source, wordSeparators?): first letter of each word upper, the rest lower.
	static Object pcase(Invocation in) {
		String source = in.string(0);
		if (source == null) {
			return null;
		}
		String separators = in.provided(1) ? in.string(1) : null;
		StringBuilder out = new StringBuilder(source.length());
		boolean wordStart = true;
		for (int i = 0; i < source.length(); i++) {
			char c = source.charAt(i);
			boolean separator = (separators != null) ? separators.indexOf(c) >= 0 : isDefaultSeparator(c);
			if (separator) {
				out.append(c);
				wordStart = true;
			}
			else {
				out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
				wordStart = false;
			}
		}
		return out.toString();
	}

	// What .NET's ToTitleCase treats as word separators: everything but letters, digits
	// and combining marks.
	private static boolean isDefaultSeparator(char c) {
		int type = Character.getType(c);
		return !(Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK);
	}

	// Split(source, delimiter): a multi-valued result; values are trimmed, as Microsoft's
	// example ("PermissionSetOne, PermissionSetTwo" -> two values without the space) shows.
	static Object split(Invocation in) {
		String source = in.string(0);
		String delimiter = in.string(1);
		if (source == null) {
			return null;
		}
		if (delimiter == null || delimiter.isEmpty()) {
			return List.of(source);
		}
		List<String> parts = new ArrayList<>();
		int from = 0;
		while (true) {
			int at = source.indexOf(delimiter, from);
			if (at < 0) {
				parts.add(source.substring(from).trim());
				return List.copyOf(parts);
			}
			parts.add(source.substring(from, at).trim());
			from = at + delimiter.length();
		}
	}

	static Object stripSpaces(Invocation in) {
		String source = in.string(0);
		return (source == null) ? null : source.replace(" ", "");
	}

	static Object toLower(Invocation in) {
		String source = in.string(0);
		return (source == null) ? null : source.toLowerCase(culture(in));
	}

	static Object toUpper(Invocation in) {
		String source = in.string(0);
		return (source == null) ? null : source.toUpperCase(culture(in));
	}

	private static Locale culture(Invocation in) {
		String culture = in.string(1);
		return (culture == null || culture.isBlank()) ? Locale.ROOT : Locale.forLanguageTag(culture.trim());
	}

	// Word(string, wordNumber, delimiters): words are runs between any delimiter character.
	static Object word(Invocation in) {
		String source = in.string(0);
		long number = in.integer(1);
		String delimiters = nullToEmpty(in.string(2));
		if (source == null || number < 1) {
			return "";
		}
		long seen = 0;
		int i = 0;
		while (i < source.length()) {
			while (i < source.length() && delimiters.indexOf(source.charAt(i)) >= 0) {
				i++;
			}
			int start = i;
			while (i < source.length() && delimiters.indexOf(source.charAt(i)) < 0) {
				i++;
			}
			if (i > start && ++seen == number) {
				return source.substring(start, i);
			}
		}
		return "";
	}

	static String nullToEmpty(String s) {
		return (s != null) ? s : "";
	}

}
