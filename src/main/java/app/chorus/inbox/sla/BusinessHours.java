package app.chorus.inbox.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * When a team is at work, for counting SLA time: opening hours per weekday in the team's time zone, minus closed days
 * (holidays). Time is counted on the clock, not in wall-clock hours: a working day that a daylight-saving change
 * shortens to 23 hours counts 23, and opening hours that fall in the skipped hour start when the clock reaches them.
 * {@link #ALWAYS} counts every hour, which is what a team without configured hours gets.
 */
public final class BusinessHours {

	/** An opening interval of one weekday; {@code close} of midnight means the end of that day. */
	public record Opening(DayOfWeek day, LocalTime open, LocalTime close) {

		public Opening {
			if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
				throw new IllegalArgumentException("an opening must close after it opens: " + open + "-" + close);
			}
		}
	}

	/** Every hour of every day, in UTC. */
	public static final BusinessHours ALWAYS = new BusinessHours(ZoneId.of("UTC"), List.of(DayOfWeek.values()).stream()
		.map(day -> new Opening(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList(), Set.of());

	private final ZoneId zone;
	private final Map<DayOfWeek, List<Opening>> byDay = new EnumMap<>(DayOfWeek.class);
	private final Set<LocalDate> closed;

	/**
	 * @param openings at least one; openings of one day must not overlap
	 * @param closed days with no opening at all, in {@code zone}
	 * @throws IllegalArgumentException without openings, or with overlapping ones
	 */
	public BusinessHours(ZoneId zone, List<Opening> openings, Set<LocalDate> closed) {
		if (openings.isEmpty()) {
			throw new IllegalArgumentException("business hours need at least one opening");
		}
		this.zone = zone;
		this.closed = Set.copyOf(closed);
		for (Opening opening : openings) {
			byDay.computeIfAbsent(opening.day(), d -> new ArrayList<>()).add(opening);
		}
		byDay.values().forEach(list -> {
			list.sort(Comparator.comparing(Opening::open));
			for (int i = 1; i < list.size(); i++) {
				Opening before = list.get(i - 1);
				if (before.close().equals(LocalTime.MIDNIGHT) || before.close().isAfter(list.get(i).open())) {
					throw new IllegalArgumentException("openings overlap on " + before.day());
				}
			}
		});
	}

	public ZoneId zone() {
		return zone;
	}

	/**
	 * The instant when {@code working} time has been counted from {@code start} on: for zero, {@code start} itself.
	 * @throws IllegalArgumentException for a negative duration
	 */
	public Instant plus(Instant start, Duration working) {
		if (working.isNegative()) {
			throw new IllegalArgumentException("negative working time");
		}
		if (working.isZero()) {
			return start;
		}
		Duration left = working;
		// every week opens at least once, so the answer lies within this many days (closed days only push it on)
		long days = 7 * (working.toMinutes() / Math.max(1, weeklyOpenMinutes()) + 2) + closed.size();
		LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
		for (long i = 0; i <= days; i++, day = day.plusDays(1)) {
			for (Interval open : intervals(day)) {
				Instant from = open.from().isAfter(start) ? open.from() : start;
				if (!from.isBefore(open.until())) {
					continue;
				}
				Duration here = Duration.between(from, open.until());
				if (here.compareTo(left) >= 0) {
					return from.plus(left);
				}
				left = left.minus(here);
			}
		}
		throw new IllegalStateException("no end found for " + working + " of working time from " + start);
	}

	private long weeklyOpenMinutes() {
		return byDay.values().stream().flatMap(List::stream)
			.mapToLong(o -> Duration.between(o.open(), o.close()).toMinutes()
					+ (o.close().equals(LocalTime.MIDNIGHT) ? 24 * 60 : 0))
			.sum();
	}

	/** The working time between two instants (zero when {@code to} is not after {@code from}). */
	public Duration between(Instant from, Instant to) {
		Duration counted = Duration.ZERO;
		if (!to.isAfter(from)) {
			return counted;
		}
		for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(to.atZone(zone).toLocalDate());
				day = day.plusDays(1)) {
			for (Interval open : intervals(day)) {
				Instant start = open.from().isAfter(from) ? open.from() : from;
				Instant end = open.until().isBefore(to) ? open.until() : to;
				if (end.isAfter(start)) {
					counted = counted.plus(Duration.between(start, end));
				}
			}
		}
		return counted;
	}

	/** Whether the team is at work at that instant. */
	public boolean isOpen(Instant at) {
		return intervals(at.atZone(zone).toLocalDate()).stream()
			.anyMatch(open -> !at.isBefore(open.from()) && at.isBefore(open.until()));
	}

	private record Interval(Instant from, Instant until) {
	}

	private List<Interval> intervals(LocalDate day) {
		if (closed.contains(day)) {
			return List.of();
		}
		List<Opening> openings = byDay.get(day.getDayOfWeek());
		if (openings == null) {
			return List.of();
		}
		List<Interval> intervals = new ArrayList<>(openings.size());
		for (Opening opening : openings) {
			Instant from = day.atTime(opening.open()).atZone(zone).toInstant();
			Instant until = opening.close().equals(LocalTime.MIDNIGHT)
					? day.plusDays(1).atStartOfDay(zone).toInstant()
					: day.atTime(opening.close()).atZone(zone).toInstant();
			if (until.isAfter(from)) {
				intervals.add(new Interval(from, until));
			}
		}
		return intervals;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof BusinessHours hours && hours.zone.equals(zone) && hours.byDay.equals(byDay)
				&& hours.closed.equals(closed);
	}

	@Override
	public int hashCode() {
		return zone.hashCode() * 31 + byDay.hashCode();
	}
}
