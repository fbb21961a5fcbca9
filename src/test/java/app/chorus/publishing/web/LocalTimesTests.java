package app.chorus.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LocalTimesTests {

	private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

	@Test
	void aWallClockTimeIsReadInThePersonsZone() {
		assertThat(LocalTimes.parse("2031-07-01T09:30", COPENHAGEN)).contains(Instant.parse("2031-07-01T07:30:00Z"));
		assertThat(LocalTimes.parse("2031-01-01T09:30", ZoneId.of("Asia/Kathmandu")))
			.contains(Instant.parse("2031-01-01T03:45:00Z"));
	}

	@Test
	void anHourSkippedWhenClocksGoForwardMovesForwardByTheGap() {
		// Denmark went from 02:00 to 03:00 on 30 March 2031
		assertThat(LocalTimes.parse("2031-03-30T02:30", COPENHAGEN)).contains(Instant.parse("2031-03-30T01:30:00Z"));
	}

	@Test
	void anHourThatHappensTwiceIsTheEarlier() {
		assertThat(LocalTimes.parse("2031-10-26T02:30", COPENHAGEN)).contains(Instant.parse("2031-10-26T00:30:00Z"));
	}

	@Test
	void blankIsNoTimeAndAnythingElseIsRefused() {
		assertThat(LocalTimes.parse("  ", COPENHAGEN)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> LocalTimes.parse("tomorrow", COPENHAGEN));
	}

	@Test
	void anInstantIsShownForTheInputInTheZoneToTheMinute() {
		assertThat(LocalTimes.format(Instant.parse("2031-07-01T07:30:59Z"), COPENHAGEN)).isEqualTo("2031-07-01T09:30");
		assertThat(LocalTimes.format(null, COPENHAGEN)).isEmpty();
	}
}
