package app.chorus.shared.time;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import app.chorus.shared.web.ChorusException;

/** The time zones offered in menus and accepted from forms: UTC and the region-based IANA zones. */
public final class TimeZones {

	public static final List<String> ALL = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
		.filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted()).toList();

	private TimeZones() {
	}

	/** The zone, or a 422 naming the field {@code timeZone}. */
	public static ZoneId parse(String zone) {
		if (!ALL.contains(zone)) {
			throw ChorusException.invalid("timeZone", "account.time-zone.invalid");
		}
		return ZoneId.of(zone);
	}
}
