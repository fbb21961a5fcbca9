package app.chorus.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.identity.TokenScope;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Personal API tokens, stored as SHA-256 hashes; the secret itself is shown once and never kept. */
@Repository
class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TokenRow(UUID id, UserId userId, WorkspaceId workspaceId, String name, String prefix, Set<TokenScope> scopes,
			Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	void insert(TokenRow row, byte[] hash) {
		jdbc.sql("""
				insert into identity.api_tokens (id, user_id, workspace_id, name, token_hash, prefix, scopes,
				    created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.userId().value(), row.workspaceId().value(), row.name(), hash, row.prefix(),
					row.scopes().stream().map(TokenScope::key).toArray(String[]::new), Timestamp.from(row.createdAt()),
					Timestamp.from(row.expiresAt()))
			.update();
	}

	/** The token for this hash when it is neither revoked nor expired. */
	Optional<TokenRow> valid(byte[] hash, Instant now) {
		return jdbc.sql("""
				select * from identity.api_tokens
				where token_hash = ? and revoked_at is null and expires_at > ?""")
			.params(hash, Timestamp.from(now)).query(ApiTokens::row).optional();
	}

	List<TokenRow> of(UserId user, WorkspaceId workspace) {
		return jdbc.sql("""
				select * from identity.api_tokens where user_id = ? and workspace_id = ?
				order by revoked_at nulls first, created_at desc""")
			.params(user.value(), workspace.value()).query(ApiTokens::row).list();
	}

	Optional<TokenRow> find(UUID id, UserId user, WorkspaceId workspace) {
		return jdbc.sql("select * from identity.api_tokens where id = ? and user_id = ? and workspace_id = ?")
			.params(id, user.value(), workspace.value()).query(ApiTokens::row).optional();
	}

	/** How often a token's use is recorded at most, so a busy integration does not write on every call. */
	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	/** Whether the token's last recorded use is old enough to record this one. */
	static boolean touchDue(TokenRow row, Instant now) {
		return row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(TOUCH_EVERY));
	}

	/** Records use at most once every {@link #TOUCH_EVERY} (two requests at once write it once). */
	void touch(UUID id, Instant now) {
		jdbc.sql("""
				update identity.api_tokens set last_used_at = ?
				where id = ? and (last_used_at is null or last_used_at < ?)""")
			.params(Timestamp.from(now), id, Timestamp.from(now.minus(TOUCH_EVERY))).update();
	}

	boolean revoke(UUID id, String reason, Instant now) {
		return jdbc.sql("""
				update identity.api_tokens set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null""")
			.params(Timestamp.from(now), reason, id).update() > 0;
	}

	/** Revokes every live token of the person in the workspace and returns what was revoked. */
	List<TokenRow> revokeAll(UserId user, WorkspaceId workspace, String reason, Instant now) {
		return jdbc.sql("""
				update identity.api_tokens set revoked_at = ?, revoked_reason = ?
				where user_id = ? and workspace_id = ? and revoked_at is null
				returning *""")
			.params(Timestamp.from(now), reason, user.value(), workspace.value()).query(ApiTokens::row).list();
	}

	private static TokenRow row(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray("scopes");
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		Arrays.stream((String[]) array.getArray()).map(TokenScope::fromKey).flatMap(Optional::stream)
			.forEach(scopes::add);
		Timestamp lastUsed = rs.getTimestamp("last_used_at");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new TokenRow(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("name"), rs.getString("prefix"),
				scopes, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				lastUsed == null ? null : lastUsed.toInstant(), revoked == null ? null : revoked.toInstant());
	}
}
