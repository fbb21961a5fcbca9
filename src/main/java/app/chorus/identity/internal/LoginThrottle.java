package app.chorus.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failures within the window, further attempts for that account, or from
 * that address, are refused until the oldest failure leaves the window. Counted in the database, so every node of a
 * cluster sees the same count. The account key is the e-mail as typed, so unknown addresses are throttled exactly like
 * known ones and the answer never tells them apart.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration window;
	private final int perAccount;
	private final int perAddress;

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${chorus.security.login-throttle.window}") Duration window,
			@Value("${chorus.security.login-throttle.max-failures-per-account}") int perAccount,
			@Value("${chorus.security.login-throttle.max-failures-per-address}") int perAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = window;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
	}

	boolean blocked(String account, String address) {
		Timestamp since = Timestamp.from(clock.instant().minus(window));
		int byAccount = jdbc.sql("select count(*) from identity.login_failures where account = ? and failed_at > ?")
			.params(account, since).query(Integer.class).single();
		if (byAccount >= perAccount) {
			return true;
		}
		int byAddress = jdbc.sql("select count(*) from identity.login_failures where address = ? and failed_at > ?")
			.params(address, since).query(Integer.class).single();
		return byAddress >= perAddress;
	}

	void recordFailure(String account, String address) {
		Instant now = clock.instant();
		jdbc.sql("insert into identity.login_failures (account, address, failed_at) values (?, ?, ?)")
			.params(account, address, Timestamp.from(now)).update();
		jdbc.sql("delete from identity.login_failures where failed_at < ?")
			.param(Timestamp.from(now.minus(window.multipliedBy(2)))).update();
	}

	void clear(String account) {
		jdbc.sql("delete from identity.login_failures where account = ?").param(account).update();
	}
}
