package io.scimflow.rules.expression;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reading dates the way Entra's date functions do, and .NET custom date format strings
 * ({@code yyyy-MM-dd}, {@code M/d/yyyy h:mm:ss tt}, {@code yyyyMMddHHmmss.fZ}) translated
 * to java.time. Dates without an offset are read as UTC.
 */
final class DotNetDates {

	private static final List<DateTimeFormatter> FLEXIBLE = List.of(
			DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendOffsetId().toFormatter(),
			DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE,
			new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/uuuu h:mm[:ss] a").toFormatter(Locale.US),
			new DateTimeFormatterBuilder().appendPattern("M/d/uuuu H:mm[:ss]").toFormatter(Locale.US),
			new DateTimeFormatterBuilder().appendPattern("M/d/uuuu").toFormatter(Locale.US));

	private DotNetDates() {
	}

	/** Reads a date/time in any of the common forms, or null when it is not one. */
	static Instant parseFlexible(String text) {
		if (text == null) {
			return null;
		}
		String t = text.trim();
		if (t.length() > 10 && t.charAt(10) == ' ' && t.charAt(4) == '-') {
			t = t.substring(0, 10) + 'T' + t.substring(11);
		}
		for (DateTimeFormatter formatter : FLEXIBLE) {
			try {
				return toInstant(formatter.parse(t));
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		try {
			return Instant.parse(t);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Reads text with a .NET custom format; throws DateTimeParseException. */
	static Instant parse(String text, String dotNetFormat) {
		DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(toJavaPattern(dotNetFormat));
		String f = dotNetFormat;
		if (f.indexOf('H') < 0 && f.indexOf('h') < 0) {
			builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
		}
		if (f.indexOf('m') < 0) {
			builder.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
		}
		if (f.indexOf('s') < 0) {
			builder.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
		}
		if (f.indexOf('d') < 0) {
			builder.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
		}
		if (f.indexOf('M') < 0) {
			builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
		}
		return toInstant(builder.toFormatter(Locale.US).parse(text.trim()));
	}

	/** Formats an instant (in UTC) with a .NET custom format. */
	static String format(Instant instant, String dotNetFormat) {
		return DateTimeFormatter.ofPattern(toJavaPattern(dotNetFormat), Locale.US)
			.format(instant.atOffset(ZoneOffset.UTC));
	}

	private static Instant toInstant(TemporalAccessor parsed) {
		LocalDate date = LocalDate.from(parsed);
		LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
		ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
		return OffsetDateTime.of(LocalDateTime.of(date, time), offset).toInstant();
	}

	/** Translates a .NET custom date/time format string to a java.time pattern. */
	static String toJavaPattern(String dotNet) {
		PatternWriter out = new PatternWriter();
		int i = 0;
		while (i < dotNet.length()) {
			char c = dotNet.charAt(i);
			if (c == '\\' && i + 1 < dotNet.length()) {
				out.literal(dotNet.charAt(i + 1));
				i += 2;
				continue;
			}
			if (c == '\'' || c == '"') {
				int end = dotNet.indexOf(c, i + 1);
				end = (end < 0) ? dotNet.length() : end;
				for (int k = i + 1; k < end; k++) {
					out.literal(dotNet.charAt(k));
				}
				i = end + 1;
				continue;
			}
			if (c == '%') {
				i++;
				continue;
			}
			int run = 1;
			while (i + run < dotNet.length() && dotNet.charAt(i + run) == c) {
				run++;
			}
			String field = translate(c, run);
			if (field == null) {
				for (int k = 0; k < run; k++) {
					out.literal(c);
				}
			}
			else {
				out.field(field);
			}
			i += run;
		}
		return out.toString();
	}

	private static String translate(char c, int run) {
		switch (c) {
			case 'y':
				return (run <= 2) ? "uu" : "uuuu";
			case 'M':
				return "M".repeat(Math.min(run, 4));
			case 'd':
				return (run <= 2) ? "d".repeat(run) : (run == 3 ? "EEE" : "EEEE");
			case 'H':
			case 'h':
			case 'm':
			case 's':
				return String.valueOf(c).repeat(Math.min(run, 2));
			case 'f':
			case 'F':
				return "S".repeat(run);
			case 't':
				return "a";
			case 'z':
				return (run >= 3) ? "xxx" : "x";
			case 'K':
				return "XXX";
			case 'g':
				return "G";
			default:
				return null;
		}
	}

	/** Writes a java.time pattern, keeping consecutive literal letters in one quoted run. */
	private static final class PatternWriter {

		private final StringBuilder out = new StringBuilder();

		private boolean quoting;

		void field(String pattern) {
			closeQuote();
			this.out.append(pattern);
		}

		void literal(char c) {
			if (c == '\'') {
				closeQuote();
				this.out.append("''");
			}
			else if (Character.isLetter(c) || "[]#{}".indexOf(c) >= 0) {
				if (!this.quoting) {
					this.out.append('\'');
					this.quoting = true;
				}
				this.out.append(c);
			}
			else {
				closeQuote();
				this.out.append(c);
			}
		}

		private void closeQuote() {
			if (this.quoting) {
				this.out.append('\'');
				this.quoting = false;
			}
		}

		@Override
		public String toString() {
			closeQuote();
			return this.out.toString();
		}

	}

}
