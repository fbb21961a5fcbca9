package app.chorus.workspace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/** Workspaces and their members. Every query names the workspace it reads. */
@Repository
class Workspaces {

	private final JdbcClient jdbc;

	Workspaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record WorkspaceRow(WorkspaceId id, String name, ZoneId timeZone, boolean requireTwoFactor, Instant createdAt) {
	}

	record MemberRow(UserId userId, Role role, Instant joinedAt) {
	}

	void insert(WorkspaceRow row) {
		jdbc.sql("insert into workspace.workspaces (id, name, time_zone, require_two_factor, created_at) values (?, ?, ?, ?, ?)")
			.params(row.id().value(), row.name(), row.timeZone().getId(), row.requireTwoFactor(),
					Timestamp.from(row.createdAt()))
			.update();
	}

	Optional<WorkspaceRow> find(WorkspaceId id) {
		return jdbc.sql("select * from workspace.workspaces where id = ?").param(id.value()).query(Workspaces::row)
			.optional();
	}

	void update(WorkspaceRow row) {
		jdbc.sql("update workspace.workspaces set name = ?, time_zone = ?, require_two_factor = ? where id = ?")
			.params(row.name(), row.timeZone().getId(), row.requireTwoFactor(), row.id().value()).update();
	}

	void addMember(WorkspaceId workspace, UserId user, Role role, Instant now) {
		jdbc.sql("insert into workspace.members (workspace_id, user_id, role, joined_at) values (?, ?, ?, ?)")
			.params(workspace.value(), user.value(), role.key(), Timestamp.from(now)).update();
	}

	Optional<Membership> membership(WorkspaceId workspace, UserId user) {
		return jdbc.sql("""
				select w.id, w.name, m.user_id, m.role from workspace.members m
				join workspace.workspaces w on w.id = m.workspace_id
				where m.workspace_id = ? and m.user_id = ?""")
			.params(workspace.value(), user.value()).query(Workspaces::membership).optional();
	}

	/** The person's memberships, oldest first. */
	List<Membership> membershipsOf(UserId user) {
		return jdbc.sql("""
				select w.id, w.name, m.user_id, m.role from workspace.members m
				join workspace.workspaces w on w.id = m.workspace_id
				where m.user_id = ? order by m.joined_at, w.name""")
			.param(user.value()).query(Workspaces::membership).list();
	}

	List<MemberRow> members(WorkspaceId workspace) {
		return jdbc.sql("select user_id, role, joined_at from workspace.members where workspace_id = ? order by joined_at")
			.param(workspace.value())
			.query((rs, n) -> new MemberRow(new UserId(rs.getObject("user_id", UUID.class)),
					Role.fromKey(rs.getString("role")).orElseThrow(), rs.getTimestamp("joined_at").toInstant()))
			.list();
	}

	int countWithRole(WorkspaceId workspace, Role role) {
		return jdbc.sql("select count(*) from workspace.members where workspace_id = ? and role = ?")
			.params(workspace.value(), role.key()).query(Integer.class).single();
	}

	void changeRole(WorkspaceId workspace, UserId user, Role role) {
		jdbc.sql("update workspace.members set role = ? where workspace_id = ? and user_id = ?")
			.params(role.key(), workspace.value(), user.value()).update();
	}

	boolean removeMember(WorkspaceId workspace, UserId user) {
		return jdbc.sql("delete from workspace.members where workspace_id = ? and user_id = ?")
			.params(workspace.value(), user.value()).update() == 1;
	}

	/** Serialises changes to one workspace's membership, so two admins cannot remove the last two owners at once. */
	void lock(WorkspaceId workspace) {
		jdbc.sql("select id from workspace.workspaces where id = ? for update").param(workspace.value())
			.query(UUID.class).optional();
	}

	private static WorkspaceRow row(ResultSet rs, int n) throws SQLException {
		return new WorkspaceRow(new WorkspaceId(rs.getObject("id", UUID.class)), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")), rs.getBoolean("require_two_factor"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Membership membership(ResultSet rs, int n) throws SQLException {
		return new Membership(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getString(2),
				new UserId(rs.getObject(3, UUID.class)), Role.fromKey(rs.getString(4)).orElseThrow());
	}
}
