package io.scimflow.rules.expression;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A DateTime value (CDate, Now, DateAdd, DateFromNum). It reads as a string in Entra's
 * format {@code M/d/yyyy h:mm:ss tt}, in UTC.
 *
 * @param instant the point in time
 */
public record DateTimeValue(Instant instant) {

	static final DateTimeFormatter ENTRA_FORMAT = DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.US)
		.withZone(ZoneOffset.UTC);

	@Override
	public String toString() {
		return ENTRA_FORMAT.format(this.instant);
	}

}
