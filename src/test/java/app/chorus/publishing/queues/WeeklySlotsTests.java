package app.chorus.publishing.queues;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The next free posting slot: later this week, across the end of the week, across both clock changes in
 * Europe/Copenhagen (2026: forward on 29 March, back on 25 October), past taken slots, and for several channels at once.
 */
class WeeklySlotsTests {

	private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
	private static final Duration HORIZON = Duration.ofDays(400);

	@Test
	void theNextSlotLaterInTheWeek() {
		WeeklySlots slots = new WeeklySlots(ZoneOffset.UTC, List.of(slot(MONDAY, "09:30"), slot(WEDNESDAY, "14:00")));
		// Tuesday 2 June 2026
		assertThat(next(slots, "2026-06-02T10:00:00Z", Set.of())).contains(Instant.parse("2026-06-03T14:00:00Z"));
	}

	@Test
	void afterTheLastSlotOfTheWeekTheFirstOfNextWeek() {
		WeeklySlots slots = new WeeklySlots(ZoneOffset.UTC, List.of(slot(WEDNESDAY, "14:00"), slot(MONDAY, "09:30")));
		// Saturday 6 June 2026, then Sunday night just before midnight
		assertThat(next(slots, "2026-06-06T12:00:00Z", Set.of())).contains(Instant.parse("2026-06-08T09:30:00Z"));
		assertThat(next(slots, "2026-06-07T23:59:59Z", Set.of())).contains(Instant.parse("2026-06-08T09:30:00Z"));
	}

	@Test
	void aSlotAtThisVeryMomentHasPassed() {
		WeeklySlots slots = new WeeklySlots(ZoneOffset.UTC, List.of(slot(MONDAY, "09:30"), slot(WEDNESDAY, "14:00")));
		assertThat(next(slots, "2026-06-08T09:30:00Z", Set.of())).contains(Instant.parse("2026-06-10T14:00:00Z"));
	}

	@Test
	void aSlotKeepsItsLocalTimeWhenTheClocksGoForward() {
		WeeklySlots slots = new WeeklySlots(COPENHAGEN, List.of(slot(MONDAY, "09:30")));
		// Monday 23 March 2026 09:30 is 08:30 UTC (CET); a week later, after the change, it is 07:30 UTC (CEST)
		assertThat(next(slots, "2026-03-23T08:00:00Z", Set.of())).contains(Instant.parse("2026-03-23T08:30:00Z"));
		Instant after = next(slots, "2026-03-23T08:30:00Z", Set.of()).orElseThrow();
		assertThat(after).isEqualTo(Instant.parse("2026-03-30T07:30:00Z"));
		assertThat(after.atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
	}

	@Test
	void aSlotKeepsItsLocalTimeWhenTheClocksGoBack() {
		WeeklySlots slots = new WeeklySlots(COPENHAGEN, List.of(slot(MONDAY, "09:30")));
		assertThat(next(slots, "2026-10-19T00:00:00Z", Set.of())).contains(Instant.parse("2026-10-19T07:30:00Z"));
		Instant after = next(slots, "2026-10-19T07:30:00Z", Set.of()).orElseThrow();
		assertThat(after).isEqualTo(Instant.parse("2026-10-26T08:30:00Z"));
		assertThat(after.atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
	}

	@Test
	void aSlotInTheSkippedHourMovesForwardByTheGap() {
		WeeklySlots slots = new WeeklySlots(COPENHAGEN, List.of(slot(SUNDAY, "02:30")));
		// 02:30 does not exist on 29 March 2026: it is 03:30 CEST, 01:30 UTC
		assertThat(next(slots, "2026-03-28T00:00:00Z", Set.of())).contains(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void twoSlotsTheClocksMergeCountOnce() {
		WeeklySlots slots = new WeeklySlots(COPENHAGEN, List.of(slot(SUNDAY, "02:30"), slot(SUNDAY, "03:30")));
		assertThat(slots.on(LocalDate.of(2026, 3, 29))).containsExactly(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(slots.on(LocalDate.of(2026, 4, 5))).containsExactly(Instant.parse("2026-04-05T00:30:00Z"),
				Instant.parse("2026-04-05T01:30:00Z"));
	}

	@Test
	void aSlotInTheRepeatedHourIsUsedOnce() {
		WeeklySlots slots = new WeeklySlots(COPENHAGEN, List.of(slot(SUNDAY, "02:30")));
		// 02:30 happens twice on 25 October 2026: the first, in summer time, is the slot
		assertThat(next(slots, "2026-10-24T12:00:00Z", Set.of())).contains(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(next(slots, "2026-10-25T00:30:00Z", Set.of())).contains(Instant.parse("2026-11-01T01:30:00Z"));
	}

	@Test
	void takenSlotsAreSkipped() {
		WeeklySlots slots = new WeeklySlots(ZoneOffset.UTC, everyDayAt("09:00"));
		Set<Instant> taken = Set.of(Instant.parse("2026-06-03T09:00:00Z"), Instant.parse("2026-06-04T09:00:00Z"),
				// another day's slot being taken changes nothing for today's
				Instant.parse("2026-06-09T09:00:00Z"));
		assertThat(next(slots, "2026-06-02T10:00:00Z", taken)).contains(Instant.parse("2026-06-05T09:00:00Z"));
	}

	@Test
	void takenSlotsAreSkippedAcrossTheClockChange() {
		WeeklySlots slots = new WeeklySlots(COPENHAGEN, List.of(slot(FRIDAY, "18:00"), slot(MONDAY, "09:30")));
		Set<Instant> taken = Set.of(Instant.parse("2026-03-27T17:00:00Z"));
		// Friday 27 March 18:00 CET is taken; the next is Monday 30 March 09:30 CEST
		assertThat(next(slots, "2026-03-26T12:00:00Z", taken)).contains(Instant.parse("2026-03-30T07:30:00Z"));
	}

	@Test
	void nothingFreeWithinTheHorizonOrNoSlotsAtAll() {
		WeeklySlots weekly = new WeeklySlots(ZoneOffset.UTC, List.of(slot(MONDAY, "09:30")));
		Instant now = Instant.parse("2026-06-02T10:00:00Z");
		assertThat(weekly.nextFree(now, now.plus(Duration.ofDays(5)), at -> false)).isEmpty();
		assertThat(weekly.nextFree(now, now.plus(HORIZON), at -> true)).isEmpty();
		assertThat(new WeeklySlots(ZoneOffset.UTC, List.of()).nextFree(now, now.plus(HORIZON), at -> false))
			.isEmpty();
	}

	@Test
	void severalChannelsShareAPostOnlyWhereTheirNextFreeSlotsCoincide() {
		UUID copenhagen = UUID.randomUUID();
		UUID london = UUID.randomUUID();
		UUID busy = UUID.randomUUID();
		Instant now = Instant.parse("2026-06-02T06:00:00Z");
		// 09:30 in Copenhagen (CEST) and 08:30 in London (BST) are the same instant, 07:30 UTC
		WeeklySlots copenhagenSlots = new WeeklySlots(COPENHAGEN, everyDayAt("09:30"));
		WeeklySlots londonSlots = new WeeklySlots(ZoneId.of("Europe/London"), everyDayAt("08:30"));
		WeeklySlots busySlots = new WeeklySlots(COPENHAGEN, everyDayAt("09:30"));
		Set<Instant> busyTaken = Set.of(Instant.parse("2026-06-02T07:30:00Z"));

		Map<UUID, Instant> next = new LinkedHashMap<>();
		next.put(busy, busySlots.nextFree(now, now.plus(HORIZON), busyTaken::contains).orElseThrow());
		next.put(copenhagen, copenhagenSlots.nextFree(now, now.plus(HORIZON), at -> false).orElseThrow());
		next.put(london, londonSlots.nextFree(now, now.plus(HORIZON), at -> false).orElseThrow());
		QueuePlan plan = QueuePlan.of(next);

		assertThat(plan.posts()).containsExactly(
				new QueuePlan.Placement(Instant.parse("2026-06-02T07:30:00Z"), List.of(copenhagen, london)),
				new QueuePlan.Placement(Instant.parse("2026-06-03T07:30:00Z"), List.of(busy)));
	}

	@Test
	void oneChannelMakesOnePost() {
		UUID channel = UUID.randomUUID();
		Instant at = Instant.parse("2026-06-03T07:30:00Z");
		assertThat(QueuePlan.of(Map.of(channel, at)).posts())
			.containsExactly(new QueuePlan.Placement(at, List.of(channel)));
	}

	private static Optional<Instant> next(WeeklySlots slots, String now, Set<Instant> taken) {
		Instant after = Instant.parse(now);
		return slots.nextFree(after, after.plus(HORIZON), taken::contains);
	}

	private static PostingSlot slot(DayOfWeek day, String time) {
		return new PostingSlot(day, LocalTime.parse(time));
	}

	private static List<PostingSlot> everyDayAt(String time) {
		return Arrays.stream(DayOfWeek.values()).map(day -> slot(day, time)).toList();
	}
}
