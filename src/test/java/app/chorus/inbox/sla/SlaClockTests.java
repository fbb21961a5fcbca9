package app.chorus.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.chorus.inbox.sla.BusinessHours.Opening;
import app.chorus.inbox.sla.SlaClock.State;
import app.chorus.inbox.sla.SlaClock.Targets;

class SlaClockTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
	private static final BusinessHours WEEKDAYS = new BusinessHours(SEOUL, List.of(DayOfWeek.MONDAY,
			DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
		.map(day -> new Opening(day, LocalTime.of(9, 0), LocalTime.of(18, 0))).toList(), Set.of());
	/** Four working hours to answer, two days to resolve. */
	private static final Targets TARGETS = new Targets(Duration.ofHours(4), Duration.ofHours(18), 0.75);

	private static Instant seoul(String local) {
		return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
	}

	@Test
	void aClockRunsOnTrackThenAtRiskThenBreachedInWorkingTimeOnly() {
		SlaClock clock = new SlaClock(WEEKDAYS, TARGETS);
		Instant received = seoul("2026-12-04T16:00"); // a Friday: two working hours left that day

		SlaClock.Reading friday = clock.read(received, null, null, seoul("2026-12-04T17:00")).firstResponse();
		assertThat(friday.state()).isEqualTo(State.ON_TRACK);
		assertThat(friday.dueAt()).isEqualTo(seoul("2026-12-07T11:00"));
		assertThat(friday.elapsed()).isEqualTo(Duration.ofHours(1));

		// the weekend does not count: on Sunday evening only the two Friday hours have passed
		SlaClock.Reading sunday = clock.read(received, null, null, seoul("2026-12-06T20:00")).firstResponse();
		assertThat(sunday.state()).isEqualTo(State.ON_TRACK);
		assertThat(sunday.elapsed()).isEqualTo(Duration.ofHours(2));

		// three of the four hours (75%) have passed at Monday 10:00
		assertThat(clock.read(received, null, null, seoul("2026-12-07T10:00")).firstResponse().state())
			.isEqualTo(State.AT_RISK);
		assertThat(clock.read(received, null, null, seoul("2026-12-07T11:01")).firstResponse().state())
			.isEqualTo(State.BREACHED);
	}

	@Test
	void theClockStopsOnOurReplyAndSaysWhetherItWasInTime() {
		SlaClock clock = new SlaClock(WEEKDAYS, TARGETS);
		Instant received = seoul("2026-12-04T16:00");

		SlaClock.Readings inTime = clock.read(received, seoul("2026-12-07T09:30"), null, seoul("2026-12-09T12:00"));
		assertThat(inTime.firstResponse().state()).isEqualTo(State.MET);
		assertThat(inTime.firstResponse().elapsed()).isEqualTo(Duration.ofMinutes(150));
		// the resolution clock still runs: 2 + 9 + 9 + 3 = 23 working hours against 18
		assertThat(inTime.resolution().state()).isEqualTo(State.BREACHED);
		assertThat(inTime.worst()).isEqualTo(State.BREACHED);

		SlaClock.Readings late = clock.read(received, seoul("2026-12-07T12:00"), seoul("2026-12-08T10:00"),
				seoul("2026-12-10T12:00"));
		assertThat(late.firstResponse().state()).isEqualTo(State.MISSED);
		assertThat(late.resolution().state()).isEqualTo(State.MET);
		assertThat(late.worst()).isEqualTo(State.MISSED);
	}

	@Test
	void withoutBusinessHoursTheDefaultTargetIsTwentyFourHoursOnTheClock() {
		SlaClock clock = new SlaClock(BusinessHours.ALWAYS, Targets.DEFAULT);
		Instant received = Instant.parse("2026-12-05T10:00:00Z");
		SlaClock.Reading reading = clock.read(received, null, null, received.plus(Duration.ofHours(18))).firstResponse();
		assertThat(reading.dueAt()).isEqualTo(received.plus(Duration.ofHours(24)));
		assertThat(reading.state()).isEqualTo(State.AT_RISK);
		assertThat(State.AT_RISK.key()).isEqualTo("at-risk");
	}

	@Test
	void targetsMustBePositiveAndTheAtRiskShareAFraction() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Targets(Duration.ZERO, Duration.ofHours(1), 0.5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Targets(Duration.ofHours(1), Duration.ofHours(1), 1.0));
	}
}
