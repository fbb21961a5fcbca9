package app.chorus.publishing.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A channel's posting slots, read in the queue's time zone. A slot keeps its wall-clock time when the clocks change:
 * 09:30 is 09:30 local time in winter and in summer, so its UTC instant moves by the change. On the day clocks go
 * forward a slot in the skipped hour moves forward by the gap (02:30 becomes 03:30); on the day they go back a slot in
 * the repeated hour is used once, at its first occurrence.
 */
public record WeeklySlots(ZoneId zone, List<PostingSlot> slots) {

	public WeeklySlots {
		slots = slots.stream().distinct().sorted().toList();
	}

	/**
	 * The first slot strictly after {@code after} and before {@code until} whose minute is not {@code taken}.
	 * @param taken whether a slot, given as the instant its minute starts, is held by another post already
	 * @return empty when the queue has no slots, or every slot up to {@code until} is taken
	 */
	public Optional<Instant> nextFree(Instant after, Instant until, Predicate<Instant> taken) {
		if (slots.isEmpty()) {
			return Optional.empty();
		}
		LocalDate last = until.atZone(zone).toLocalDate();
		for (LocalDate day = after.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			for (Instant at : on(day)) {
				if (!at.isAfter(after)) {
					continue;
				}
				if (!at.isBefore(until)) {
					return Optional.empty();
				}
				if (!taken.test(at)) {
					return Optional.of(at);
				}
			}
		}
		return Optional.empty();
	}

	/** The instants of the slots on that local date, earliest first; two slots the clocks merge count once. */
	List<Instant> on(LocalDate day) {
		return slots.stream()
			.filter(slot -> slot.day() == day.getDayOfWeek())
			.map(slot -> ZonedDateTime.of(day, slot.time(), zone).toInstant())
			.distinct()
			.sorted()
			.toList();
	}
}
