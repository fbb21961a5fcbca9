package app.chorus.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.chorus.inbox.sla.BusinessHours.Opening;

class BusinessHoursTests {

	private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

	/** Monday to Friday, 09:00-17:00 in Copenhagen. */
	private static BusinessHours officeHours(Set<LocalDate> closed) {
		return new BusinessHours(COPENHAGEN, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
			.map(day -> new Opening(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList(), closed);
	}

	private static Instant copenhagen(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), COPENHAGEN).toInstant();
	}

	@Test
	void aMessageOnFridayAfternoonIsDueOnMondayAfterTheWeekend() {
		BusinessHours hours = officeHours(Set.of());
		// Friday 2026-12-04 16:00: one working hour left that day, the other seven on Monday from 09:00
		Instant due = hours.plus(copenhagen("2026-12-04T16:00"), Duration.ofHours(8));
		assertThat(due).isEqualTo(copenhagen("2026-12-07T16:00"));
		assertThat(hours.between(copenhagen("2026-12-04T16:00"), due)).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void aMessageDuringTheWeekendStartsCountingWhenTheOfficeOpens() {
		BusinessHours hours = officeHours(Set.of());
		assertThat(hours.plus(copenhagen("2026-12-05T11:00"), Duration.ofMinutes(30)))
			.isEqualTo(copenhagen("2026-12-07T09:30"));
		assertThat(hours.between(copenhagen("2026-12-05T11:00"), copenhagen("2026-12-07T08:59")))
			.isEqualTo(Duration.ZERO);
		assertThat(hours.isOpen(copenhagen("2026-12-05T11:00"))).isFalse();
		assertThat(hours.isOpen(copenhagen("2026-12-07T09:00"))).isTrue();
		assertThat(hours.isOpen(copenhagen("2026-12-07T17:00"))).isFalse();
	}

	@Test
	void twentyFourWorkingHoursSpanThreeWorkingDaysAndAClosedDay() {
		BusinessHours hours = officeHours(Set.of(LocalDate.parse("2026-12-24")));
		// Wednesday 23 Dec 10:00: 7 h that day, Christmas Eve closed, 8 h on Friday 25 and on Monday 28, 1 h on Tuesday
		Instant due = hours.plus(copenhagen("2026-12-23T10:00"), Duration.ofHours(24));
		assertThat(due).isEqualTo(copenhagen("2026-12-29T10:00"));
	}

	@Test
	void theClockCountsRealTimeAcrossTheSpringForwardChange() {
		BusinessHours always = new BusinessHours(COPENHAGEN, List.of(DayOfWeek.values()).stream()
			.map(day -> new Opening(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList(), Set.of());
		// 29 March 2026: Copenhagen skips from 02:00 to 03:00; 24 hours after Saturday noon is Sunday 13:00 local
		Instant start = copenhagen("2026-03-28T12:00");
		assertThat(always.plus(start, Duration.ofHours(24))).isEqualTo(start.plus(Duration.ofHours(24)));
		assertThat(always.plus(start, Duration.ofHours(24)).atZone(COPENHAGEN).toLocalTime())
			.isEqualTo(LocalTime.of(13, 0));
		assertThat(always.between(copenhagen("2026-03-29T00:00"), copenhagen("2026-03-30T00:00")))
			.isEqualTo(Duration.ofHours(23));
	}

	@Test
	void aWorkingDayThatTheAutumnChangeLengthensCountsItsExtraHour() {
		BusinessHours nights = new BusinessHours(COPENHAGEN,
				List.of(new Opening(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))), Set.of());
		// 25 October 2026: 03:00 summer time becomes 02:00 winter time, so 01:00-04:00 lasts four hours
		assertThat(nights.between(copenhagen("2026-10-25T00:00"), copenhagen("2026-10-26T00:00")))
			.isEqualTo(Duration.ofHours(4));
		assertThat(nights.plus(copenhagen("2026-10-25T00:00"), Duration.ofHours(4)))
			.isEqualTo(copenhagen("2026-10-25T04:00"));
	}

	@Test
	void alwaysOpenCountsEveryHourAndZeroIsTheStartItself() {
		Instant start = Instant.parse("2026-12-05T23:30:00Z");
		assertThat(BusinessHours.ALWAYS.plus(start, Duration.ofHours(24))).isEqualTo(start.plus(Duration.ofHours(24)));
		assertThat(BusinessHours.ALWAYS.plus(start, Duration.ZERO)).isEqualTo(start);
		assertThat(BusinessHours.ALWAYS.between(start, start.minusSeconds(1))).isEqualTo(Duration.ZERO);
	}

	@Test
	void openingsMustCloseAfterTheyOpenAndNotOverlap() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Opening(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(9, 0)));
		assertThatIllegalArgumentException().isThrownBy(() -> new BusinessHours(COPENHAGEN,
				List.of(new Opening(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
						new Opening(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(15, 0))),
				Set.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new BusinessHours(COPENHAGEN, List.of(), Set.of()));
	}
}
