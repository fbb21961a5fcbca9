package app.chorus.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;

/**
 * Sign-in sessions. The servlet session only carries the id of a row here; every request checks the row, so ending a
 * session (sign out elsewhere, a removed member, a changed password) takes effect on the next click, on every node.
 */
@Repository
class Sessions {

	private final JdbcClient jdbc;

	Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record SessionRow(UUID id, UserId userId, Instant createdAt, Instant lastSeenAt, String address, String userAgent) {
	}

	void start(UUID id, UserId user, RequestOrigin origin, Instant now) {
		jdbc.sql("""
				insert into identity.sessions (id, user_id, created_at, last_seen_at, address, user_agent)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, user.value(), Timestamp.from(now), Timestamp.from(now), origin.address(), origin.userAgent())
			.update();
	}

	/** The session when it is still open: used on every request. */
	Optional<SessionRow> open(UUID id) {
		return jdbc.sql("select * from identity.sessions where id = ? and ended_at is null").param(id)
			.query((rs, n) -> new SessionRow(rs.getObject("id", UUID.class),
					new UserId(rs.getObject("user_id", UUID.class)), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("last_seen_at").toInstant(), rs.getString("address"), rs.getString("user_agent")))
			.optional();
	}

	List<SessionRow> openOf(UserId user) {
		return jdbc.sql("""
				select * from identity.sessions where user_id = ? and ended_at is null order by last_seen_at desc""")
			.param(user.value())
			.query((rs, n) -> new SessionRow(rs.getObject("id", UUID.class), user,
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
					rs.getString("address"), rs.getString("user_agent")))
			.list();
	}

	void touch(UUID id, Instant now) {
		jdbc.sql("update identity.sessions set last_seen_at = ? where id = ?").params(Timestamp.from(now), id).update();
	}

	boolean end(UUID id, UserId owner, String reason, Instant now) {
		return jdbc.sql("""
				update identity.sessions set ended_at = ?, end_reason = ?
				where id = ? and user_id = ? and ended_at is null""")
			.params(Timestamp.from(now), reason, id, owner.value()).update() > 0;
	}

	/** Ends every open session of the person except {@code keep} (may be null); returns how many ended. */
	int endAll(UserId user, String reason, Instant now, UUID keep) {
		return jdbc.sql("""
				update identity.sessions set ended_at = ?, end_reason = ?
				where user_id = ? and ended_at is null and id <> ?""")
			.params(Timestamp.from(now), reason, user.value(), keep).update();
	}
}
