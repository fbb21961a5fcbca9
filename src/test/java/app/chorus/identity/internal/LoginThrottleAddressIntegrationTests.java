package app.chorus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.support.ChorusIntegrationTest;

/** One address guessing many accounts is stopped too, and the window lets it go again. */
@ChorusIntegrationTest
class LoginThrottleAddressIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAddressSprayingManyAccountsIsBlockedForAllOfThem() {
		LoginThrottle throttle = new LoginThrottle(jdbc, Clock.systemUTC(), Duration.ofMinutes(15), 5, 3);
		String address = "203.0.113." + (UUID.randomUUID().hashCode() & 0xff);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.blocked(account(), address)).isFalse();
			throttle.recordFailure(account(), address);
		}
		assertThat(throttle.blocked(account(), address)).isTrue();
		assertThat(throttle.blocked(account(), "198.51.100.1")).isFalse();
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		String account = account();
		LoginThrottle then = new LoginThrottle(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)),
				Duration.ofMinutes(15), 2, 100);
		then.recordFailure(account, "192.0.2.1");
		then.recordFailure(account, "192.0.2.1");
		LoginThrottle now = new LoginThrottle(jdbc, Clock.systemUTC(), Duration.ofMinutes(15), 2, 100);
		assertThat(then.blocked(account, "192.0.2.1")).isTrue();
		assertThat(now.blocked(account, "192.0.2.1")).isFalse();
	}

	private static String account() {
		return "spray-" + UUID.randomUUID() + "@example.com";
	}
}
