package app.chorus.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Teams inside a workspace and who is in them. Every query names the workspace. */
@Repository
class Teams {

	private final JdbcClient jdbc;

	Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TeamRow(UUID id, WorkspaceId workspaceId, String name, String description, Instant createdAt,
			List<UserId> members) {
	}

	void insert(UUID id, WorkspaceId workspace, String name, String description, Instant now) {
		jdbc.sql("insert into workspace.teams (id, workspace_id, name, description, created_at) values (?, ?, ?, ?, ?)")
			.params(id, workspace.value(), name, description, Timestamp.from(now)).update();
	}

	boolean nameTaken(WorkspaceId workspace, String name, UUID except) {
		return jdbc.sql("""
				select exists (select 1 from workspace.teams where workspace_id = ? and lower(name) = lower(?) and id <> ?)""")
			.params(workspace.value(), name, except).query(Boolean.class).single();
	}

	List<TeamRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from workspace.teams where workspace_id = ? order by lower(name)")
			.param(workspace.value())
			.query((rs, n) -> rs.getObject("id", UUID.class)).list().stream()
			.map(id -> find(workspace, id).orElseThrow()).toList();
	}

	Optional<TeamRow> find(WorkspaceId workspace, UUID id) {
		List<UserId> members = jdbc.sql("""
				select user_id from workspace.team_members where team_id = ? and workspace_id = ? order by user_id""")
			.params(id, workspace.value()).query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
		return jdbc.sql("select * from workspace.teams where id = ? and workspace_id = ?")
			.params(id, workspace.value())
			.query((rs, n) -> new TeamRow(id, workspace, rs.getString("name"), rs.getString("description"),
					rs.getTimestamp("created_at").toInstant(), members))
			.optional();
	}

	void update(WorkspaceId workspace, UUID id, String name, String description) {
		jdbc.sql("update workspace.teams set name = ?, description = ? where id = ? and workspace_id = ?")
			.params(name, description, id, workspace.value()).update();
	}

	void delete(WorkspaceId workspace, UUID id) {
		jdbc.sql("delete from workspace.teams where id = ? and workspace_id = ?").params(id, workspace.value()).update();
	}

	boolean addMember(WorkspaceId workspace, UUID team, UserId user) {
		return jdbc.sql("""
				insert into workspace.team_members (team_id, workspace_id, user_id) values (?, ?, ?)
				on conflict do nothing""")
			.params(team, workspace.value(), user.value()).update() == 1;
	}

	boolean removeMember(WorkspaceId workspace, UUID team, UserId user) {
		return jdbc.sql("delete from workspace.team_members where team_id = ? and workspace_id = ? and user_id = ?")
			.params(team, workspace.value(), user.value()).update() == 1;
	}

	List<String> teamNamesOf(WorkspaceId workspace, UserId user) {
		return jdbc.sql("""
				select t.name from workspace.team_members tm join workspace.teams t on t.id = tm.team_id
				where tm.workspace_id = ? and tm.user_id = ? order by lower(t.name)""")
			.params(workspace.value(), user.value()).query(String.class).list();
	}

	List<UUID> teamIdsOf(WorkspaceId workspace, UserId user) {
		return jdbc.sql("select team_id from workspace.team_members where workspace_id = ? and user_id = ?")
			.params(workspace.value(), user.value()).query(UUID.class).list();
	}

	boolean exists(WorkspaceId workspace, UUID team) {
		return jdbc.sql("select count(*) from workspace.teams where workspace_id = ? and id = ?")
			.params(workspace.value(), team).query(Integer.class).single() > 0;
	}
}
