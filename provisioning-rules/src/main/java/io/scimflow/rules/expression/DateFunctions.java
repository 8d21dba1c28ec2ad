package io.scimflow.rules.expression;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Date functions, with Visual Basic's DateAdd/DateDiff interval rules. */
final class DateFunctions {

	/** Seconds between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
	private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;

	private DateFunctions() {
	}

	static Object cdate(Invocation in) {
		Object value = in.value(0);
		return (value == null) ? null : new DateTimeValue(instant(in, 0));
	}

	static Object now(Invocation in) {
		return new DateTimeValue(in.context().clock().instant().truncatedTo(ChronoUnit.SECONDS));
	}

	// DateAdd(interval, value, dateTime)
	static Object dateAdd(Invocation in) {
		String interval = interval(in, 0);
		long amount = in.integer(1);
		if (in.value(2) == null) {
			return null;
		}
		LocalDateTime t = LocalDateTime.ofInstant(instant(in, 2), ZoneOffset.UTC);
		LocalDateTime result = switch (interval) {
			case "yyyy" -> t.plusYears(amount);
			case "q" -> t.plusMonths(3 * amount);
			case "m" -> t.plusMonths(amount);
			case "d", "y", "w" -> t.plusDays(amount);
			case "ww" -> t.plusWeeks(amount);
			case "h" -> t.plusHours(amount);
			case "n" -> t.plusMinutes(amount);
			case "s" -> t.plusSeconds(amount);
			default -> throw badInterval(in, interval);
		};
		return new DateTimeValue(result.toInstant(ZoneOffset.UTC));
	}

	// DateDiff(interval, date1, date2): positive when date2 is later. Calendar intervals
	// (yyyy, q, m, ww) count boundaries crossed; the others truncate the elapsed time.
	static Object dateDiff(Invocation in) {
		String interval = interval(in, 0);
		if (in.value(1) == null || in.value(2) == null) {
			return null;
		}
		LocalDateTime d1 = LocalDateTime.ofInstant(instant(in, 1), ZoneOffset.UTC);
		LocalDateTime d2 = LocalDateTime.ofInstant(instant(in, 2), ZoneOffset.UTC);
		Duration elapsed = Duration.between(d1, d2);
		return switch (interval) {
			case "yyyy" -> (long) (d2.getYear() - d1.getYear());
			case "q" -> (long) ((d2.getYear() - d1.getYear()) * 4 + (quarter(d2) - quarter(d1)));
			case "m" -> (long) ((d2.getYear() - d1.getYear()) * 12 + (d2.getMonthValue() - d1.getMonthValue()));
			case "d", "y" -> elapsed.toDays();
			case "w" -> elapsed.toDays() / 7;
			case "ww" -> ChronoUnit.DAYS.between(weekStart(d1.toLocalDate()), weekStart(d2.toLocalDate())) / 7;
			case "h" -> elapsed.toHours();
			case "n" -> elapsed.toMinutes();
			case "s" -> elapsed.getSeconds() + ((elapsed.isNegative() && elapsed.getNano() > 0) ? 1 : 0);
			default -> throw badInterval(in, interval);
		};
	}

	private static int quarter(LocalDateTime t) {
		return (t.getMonthValue() - 1) / 3;
	}

	private static LocalDate weekStart(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
	}

	// DateFromNum(value): Active Directory FILETIME (100 ns ticks since 1601) -> DateTime.
	static Object dateFromNum(Invocation in) {
		if (in.value(0) == null) {
			return null;
		}
		BigInteger ticks = Values.asNumber(in.raw(0)).toBigInteger();
		BigInteger[] parts = ticks.divideAndRemainder(BigInteger.valueOf(10_000_000L));
		long seconds = parts[0].longValueExact() - FILETIME_EPOCH_OFFSET;
		return new DateTimeValue(Instant.ofEpochSecond(seconds, parts[1].longValue() * 100));
	}

	// NumFromDate(value): ISO 8601 date/time -> Active Directory FILETIME.
	static Object numFromDate(Invocation in) {
		if (in.value(0) == null) {
			return null;
		}
		Instant t = instant(in, 0);
		return (t.getEpochSecond() + FILETIME_EPOCH_OFFSET) * 10_000_000L + t.getNano() / 100;
	}

	// FormatDateTime(source, dateTimeStyles?, inputFormat, outputFormat): .NET custom
	// formats; dateTimeStyles is accepted and ignored (times without an offset are UTC).
	static Object formatDateTime(Invocation in) {
		String source = in.string(0);
		if (source == null) {
			return null;
		}
		String inputFormat = in.string(2);
		String outputFormat = in.string(3);
		if (inputFormat == null || outputFormat == null) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "FormatDateTime needs an inputFormat and an outputFormat");
		}
		Instant t;
		try {
			t = DotNetDates.parse(source, inputFormat);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw in.fail(ExpressionError.INVALID_DATE,
					"\"" + source + "\" does not match the input format \"" + inputFormat + "\"");
		}
		try {
			return DotNetDates.format(t, outputFormat);
		}
		catch (IllegalArgumentException ex) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "invalid output format \"" + outputFormat + "\"");
		}
	}

	private static Instant instant(Invocation in, int i) {
		Object value = in.value(i);
		if (value instanceof DateTimeValue dateTime) {
			return dateTime.instant();
		}
		String text = Values.asString(value);
		Instant parsed = DotNetDates.parseFlexible(text);
		if (parsed == null) {
			throw in.fail(ExpressionError.INVALID_DATE,
					"argument " + (i + 1) + " of " + in.function() + " is not a date: \"" + text + "\"");
		}
		return parsed;
	}

	private static String interval(Invocation in, int i) {
		String interval = in.string(i);
		return (interval == null) ? "" : interval.trim().toLowerCase(Locale.ROOT);
	}

	private static ExpressionException badInterval(Invocation in, String interval) {
		return in.fail(ExpressionError.INVALID_ARGUMENT,
				"unknown interval \"" + interval + "\"; use one of yyyy, q, m, d, ww, h, n, s");
	}

}
