package app.chorus.workspace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.Role;

/** Invitations to join a workspace; the link's secret is stored only as a hash. */
@Repository
class Invitations {

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record InvitationRow(UUID id, WorkspaceId workspaceId, String email, Role role, UserId invitedBy,
			Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant revokedAt) {

		boolean open(Instant now) {
			return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
		}
	}

	void insert(InvitationRow row, byte[] tokenHash) {
		jdbc.sql("""
				insert into workspace.invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.workspaceId().value(), row.email(), row.role().key(), tokenHash,
					row.invitedBy().value(), Timestamp.from(row.createdAt()), Timestamp.from(row.expiresAt()))
			.update();
	}

	List<InvitationRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from workspace.invitations where workspace_id = ? order by created_at desc")
			.param(workspace.value()).query(Invitations::row).list();
	}

	Optional<InvitationRow> find(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from workspace.invitations where id = ? and workspace_id = ?")
			.params(id, workspace.value()).query(Invitations::row).optional();
	}

	/** Looked up by the secret in the link: the one query here not scoped by workspace, as the link names none. */
	Optional<InvitationRow> byToken(byte[] tokenHash) {
		return jdbc.sql("select * from workspace.invitations where token_hash = ?").param(tokenHash)
			.query(Invitations::row).optional();
	}

	boolean hasOpen(WorkspaceId workspace, String email, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from workspace.invitations where workspace_id = ? and email = ?
				    and accepted_at is null and revoked_at is null and expires_at > ?)""")
			.params(workspace.value(), email, Timestamp.from(now)).query(Boolean.class).single();
	}

	boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
		return jdbc.sql("""
				update workspace.invitations set revoked_at = ?
				where id = ? and workspace_id = ? and accepted_at is null and revoked_at is null""")
			.params(Timestamp.from(now), id, workspace.value()).update() == 1;
	}

	boolean accept(UUID id, UserId user, Instant now) {
		return jdbc.sql("""
				update workspace.invitations set accepted_at = ?, accepted_by = ?
				where id = ? and accepted_at is null and revoked_at is null and expires_at > ?""")
			.params(Timestamp.from(now), user.value(), id, Timestamp.from(now)).update() == 1;
	}

	private static InvitationRow row(ResultSet rs, int n) throws SQLException {
		Timestamp accepted = rs.getTimestamp("accepted_at");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new InvitationRow(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
				rs.getString("email"), Role.fromKey(rs.getString("role")).orElseThrow(),
				new UserId(rs.getObject("invited_by", UUID.class)), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), accepted == null ? null : accepted.toInstant(),
				revoked == null ? null : revoked.toInstant());
	}
}
