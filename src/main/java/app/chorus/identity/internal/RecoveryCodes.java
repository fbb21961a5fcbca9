package app.chorus.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.security.SecretToken;

/**
 * One-use recovery codes for when the authenticator is lost: ten per person, 50 random bits each, shown once and
 * stored hashed. Using one spends it.
 */
@Repository
class RecoveryCodes {

	static final int COUNT = 10;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the person's codes with new ones and returns them (formatted xxxxx-xxxxx). */
	List<String> replace(UserId user, Instant now) {
		jdbc.sql("delete from identity.recovery_codes where user_id = ?").param(user.value()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			byte[] bytes = new byte[5];
			RANDOM.nextBytes(bytes);
			String hex = HexFormat.of().formatHex(bytes);
			String code = hex.substring(0, 5) + "-" + hex.substring(5);
			codes.add(code);
			jdbc.sql("insert into identity.recovery_codes (user_id, code_hash, created_at) values (?, ?, ?)")
				.params(user.value(), hashOf(code), Timestamp.from(now)).update();
		}
		return codes;
	}

	/** Spends the code if it is one of the person's unused codes. */
	boolean spend(UserId user, String code, Instant now) {
		return jdbc.sql("""
				update identity.recovery_codes set used_at = ?
				where user_id = ? and code_hash = ? and used_at is null""")
			.params(Timestamp.from(now), user.value(), hashOf(code)).update() == 1;
	}

	int remaining(UserId user) {
		return jdbc.sql("select count(*) from identity.recovery_codes where user_id = ? and used_at is null")
			.param(user.value()).query(Integer.class).single();
	}

	void clear(UserId user) {
		jdbc.sql("delete from identity.recovery_codes where user_id = ?").param(user.value()).update();
	}

	private static String hashOf(String code) {
		String normal = code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
		return HexFormat.of().formatHex(SecretToken.hash(normal));
	}
}
