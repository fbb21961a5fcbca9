package app.chorus.inbox.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A workspace's or a team's service-level targets: first response and resolution in working time, the share of a
 * target after which a clock is at risk, and when the team works. Without opening hours every hour of the day counts
 * (in {@code zone}, where closed days fall; UTC without one).
 * @param teamId the team it is for; {@code null} for the workspace's own
 * @param zone the time zone of the opening hours and closed days; required with opening hours
 * @param configured false for {@link #DEFAULT}, which applies when nobody set a policy
 */
public record SlaPolicy(@Nullable UUID teamId, Duration firstResponse, Duration resolution, int atRiskPercent,
		@Nullable ZoneId zone, List<BusinessHours.Opening> openings, Set<LocalDate> closedDays, boolean configured) {

	/** 24 hours to a first response and to resolution, around the clock, at risk after 75%. */
	public static final SlaPolicy DEFAULT = new SlaPolicy(null, Duration.ofHours(24), Duration.ofHours(24), 75, null,
			List.of(), Set.of(), false);

	/** @throws IllegalArgumentException for targets that are not positive, or opening hours without a zone */
	public SlaPolicy {
		openings = List.copyOf(openings);
		closedDays = Set.copyOf(closedDays);
		if (!openings.isEmpty() && zone == null) {
			throw new IllegalArgumentException("opening hours need a time zone");
		}
		new SlaClock.Targets(firstResponse, resolution, atRiskPercent / 100.0);
	}

	/** When the team is at work; checks that the opening hours do not overlap. */
	public BusinessHours hours() {
		if (openings.isEmpty() && closedDays.isEmpty()) {
			return zone == null ? BusinessHours.ALWAYS : new BusinessHours(zone, allDay(), Set.of());
		}
		ZoneId in = zone == null ? ZoneId.of("UTC") : zone;
		return new BusinessHours(in, openings.isEmpty() ? allDay() : openings, closedDays);
	}

	public SlaClock clock() {
		return new SlaClock(hours(), new SlaClock.Targets(firstResponse, resolution, atRiskPercent / 100.0));
	}

	private static List<BusinessHours.Opening> allDay() {
		return Arrays.stream(DayOfWeek.values())
			.map(day -> new BusinessHours.Opening(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList();
	}
}
