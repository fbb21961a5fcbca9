package app.chorus.publishing.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@code datetime-local} inputs: a wall-clock time with no zone, read in the person's own time zone. A time that
 * does not exist there (the hour skipped when clocks go forward) moves forward by the gap; one that exists twice
 * (clocks going back) is the earlier.
 */
final class LocalTimes {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private LocalTimes() {
	}

	/** Empty for a blank value; {@code null} inside the optional never. */
	static Optional<Instant> parse(@Nullable String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(value.strip()).atZone(zone).toInstant());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("not a local date and time: " + value, e);
		}
	}

	/** The value for a {@code datetime-local} input showing {@code instant} in the zone, to the minute. */
	static String format(@Nullable Instant instant, ZoneId zone) {
		return instant == null ? "" : INPUT.format(instant.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
	}
}
