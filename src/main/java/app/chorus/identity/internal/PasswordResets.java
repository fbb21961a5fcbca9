package app.chorus.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.ids.UserId;

/** Password reset links, stored as hashes, one use, short-lived. */
@Repository
class PasswordResets {

	private final JdbcClient jdbc;

	PasswordResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(byte[] hash, UserId user, Instant now, Instant expiresAt) {
		jdbc.sql("insert into identity.password_resets (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash, user.value(), Timestamp.from(now), Timestamp.from(expiresAt)).update();
	}

	Optional<UserId> valid(byte[] hash, Instant now) {
		return jdbc.sql("""
				select user_id from identity.password_resets
				where token_hash = ? and used_at is null and expires_at > ?""")
			.params(hash, Timestamp.from(now)).query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).optional();
	}

	/** Spends the link and every other open link of the same person. */
	boolean spend(byte[] hash, UserId user, Instant now) {
		int spent = jdbc.sql("update identity.password_resets set used_at = ? where token_hash = ? and used_at is null")
			.params(Timestamp.from(now), hash).update();
		jdbc.sql("update identity.password_resets set used_at = ? where user_id = ? and used_at is null")
			.params(Timestamp.from(now), user.value()).update();
		return spent == 1;
	}
}
