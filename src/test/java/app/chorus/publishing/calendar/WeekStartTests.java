package app.chorus.publishing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The first day of the week: from the browser's region for the person's language, else where it is chiefly spoken. */
class WeekStartTests {

	private static final int SUNDAY = 0;
	private static final int MONDAY = 1;

	@Test
	void eachLanguageStartsTheWeekWhereItIsChieflySpoken() {
		assertThat(WeekStart.of(Locale.forLanguageTag("da"), List.of())).isEqualTo(MONDAY);
		assertThat(WeekStart.of(Locale.forLanguageTag("ko"), List.of())).isEqualTo(SUNDAY);
		assertThat(WeekStart.of(Locale.forLanguageTag("ne"), List.of())).isEqualTo(SUNDAY);
		assertThat(WeekStart.of(Locale.ENGLISH, List.of())).isEqualTo(SUNDAY);
	}

	@Test
	void theBrowsersRegionForThePersonsLanguageWins() {
		assertThat(WeekStart.of(Locale.ENGLISH, List.of(Locale.forLanguageTag("da-DK"), Locale.forLanguageTag("en-GB"))))
			.as("British English: Monday; the Danish entry is another language").isEqualTo(MONDAY);
		assertThat(WeekStart.of(Locale.forLanguageTag("da"), List.of(Locale.forLanguageTag("en-US"))))
			.isEqualTo(MONDAY);
		assertThat(WeekStart.of(Locale.ENGLISH, List.of(Locale.forLanguageTag("en-US")))).isEqualTo(SUNDAY);
	}
}
