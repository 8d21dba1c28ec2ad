package io.scimflow.rules.expression;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Replace(source, oldValue, regexPattern, regexGroupName, replacementValue,
 * replacementAttributeName, template): the mode depends on which arguments are written
 * (an empty string counts as written). Case-sensitive.
 */
final class ReplaceFunction {

	private static final int SOURCE = 0;

	private static final int OLD_VALUE = 1;

	private static final int REGEX = 2;

	private static final int GROUP = 3;

	private static final int REPLACEMENT = 4;

	private static final int REPLACEMENT_ATTRIBUTE = 5;

	private static final int TEMPLATE = 6;

	private ReplaceFunction() {
	}

	/** Parse-time check: the written arguments must select one of the documented modes. */
	static String validate(Expr.Call call) {
		List<Expr> args = call.arguments();
		boolean oldValue = written(args, OLD_VALUE);
		boolean regex = written(args, REGEX);
		boolean group = written(args, GROUP);
		boolean replacement = written(args, REPLACEMENT);
		boolean attribute = written(args, REPLACEMENT_ATTRIBUTE);
		boolean template = written(args, TEMPLATE);
		if ((oldValue && (template || replacement)) || (regex && (replacement || (group && attribute)))) {
			if (regex && written(args, REGEX) && args.get(REGEX) instanceof Expr.StringLiteral literal) {
				try {
					Pattern.compile(literal.value());
				}
				catch (PatternSyntaxException ex) {
					return "regexPattern does not compile: " + ex.getDescription();
				}
			}
			return null;
		}
		return "write oldValue with replacementValue or template, or regexPattern with replacementValue "
				+ "(and optionally regexGroupName), or regexPattern with regexGroupName and replacementAttributeName";
	}

	private static boolean written(List<Expr> args, int i) {
		return i < args.size() && !(args.get(i) instanceof Expr.Omitted);
	}

	static Object apply(Invocation in) {
		String source = in.string(SOURCE);
		boolean oldValue = in.provided(OLD_VALUE);
		boolean regex = in.provided(REGEX);
		boolean group = in.provided(GROUP);
		if (oldValue && in.provided(TEMPLATE)) {
			String template = in.string(TEMPLATE);
			return (source == null || template == null) ? null : template.replace(in.string(OLD_VALUE), source);
		}
		if (oldValue && in.provided(REPLACEMENT)) {
			String old = in.string(OLD_VALUE);
			if (source == null || old == null || old.isEmpty()) {
				return source;
			}
			return source.replace(old, TextFunctions.nullToEmpty(in.string(REPLACEMENT)));
		}
		Pattern pattern = compile(in, in.string(REGEX));
		if (regex && group && in.provided(REPLACEMENT_ATTRIBUTE)) {
			if (source != null && !source.isEmpty()) {
				return source;
			}
			String other = in.string(REPLACEMENT_ATTRIBUTE);
			if (other == null) {
				return null;
			}
			Matcher matcher = pattern.matcher(other);
			return matcher.find() ? groupValue(in, matcher, in.string(GROUP)) : null;
		}
		if (source == null) {
			return null;
		}
		String replacement = TextFunctions.nullToEmpty(in.string(REPLACEMENT));
		if (group) {
			return replaceGroup(in, pattern.matcher(source), in.string(GROUP), replacement, source);
		}
		return pattern.matcher(source).replaceAll(javaReplacement(replacement));
	}

	// Replace only the text the named group matched, in every match.
	private static String replaceGroup(Invocation in, Matcher matcher, String group, String replacement, String source) {
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			int start;
			int end;
			try {
				start = matcher.start(group);
				end = matcher.end(group);
			}
			catch (IllegalArgumentException ex) {
				throw in.fail(ExpressionError.INVALID_ARGUMENT, "regexPattern has no group named '" + group + "'");
			}
			if (start < 0 || (start == end && start == last && last > 0)) {
				continue;
			}
			out.append(source, last, start).append(replacement);
			last = end;
		}
		return out.append(source.substring(last)).toString();
	}

	private static String groupValue(Invocation in, Matcher matcher, String group) {
		try {
			return matcher.group(group);
		}
		catch (IllegalArgumentException ex) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "regexPattern has no group named '" + group + "'");
		}
	}

	// .NET substitutions ($1, ${name}) are Java's too; a backslash is literal in .NET and
	// "$$" is a literal dollar.
	private static String javaReplacement(String dotNet) {
		return dotNet.replace("\\", "\\\\").replace("$$", "\\$");
	}

	private static Pattern compile(Invocation in, String regex) {
		if (regex == null) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "regexPattern is null");
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw in.fail(ExpressionError.INVALID_REGEX, "regexPattern does not compile: " + ex.getDescription());
		}
	}

}
