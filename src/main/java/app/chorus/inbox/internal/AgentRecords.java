package app.chorus.inbox.internal;

import static app.chorus.inbox.internal.InboxRecords.instant;
import static app.chorus.inbox.internal.InboxRecords.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Who takes inbox conversations (availability, capacity, when last assigned), their open load, and each team's
 * round-robin turn. Every query names the workspace.
 */
@Repository
class AgentRecords {

	private final JdbcClient jdbc;

	AgentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member's settings; a member without a row is available, without a limit, never assigned. */
	record AgentRow(UserId userId, boolean available, @Nullable Integer capacity, @Nullable Instant lastAssignedAt) {
	}

	List<AgentRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from inbox.agents where workspace_id = ?").param(workspace.value())
			.query((rs, n) -> new AgentRow(new UserId(rs.getObject("user_id", UUID.class)),
					rs.getBoolean("available"), rs.getObject("capacity", Integer.class),
					instant(rs, "last_assigned_at")))
			.list();
	}

	Optional<AgentRow> find(WorkspaceId workspace, UserId user) {
		return all(workspace).stream().filter(a -> a.userId().equals(user)).findFirst();
	}

	void save(WorkspaceId workspace, UserId user, boolean available, @Nullable Integer capacity, Instant at) {
		jdbc.sql("""
				insert into inbox.agents (workspace_id, user_id, available, capacity, updated_at)
				values (?, ?, ?, ?, ?)
				on conflict (workspace_id, user_id) do update
				    set available = excluded.available, capacity = excluded.capacity, updated_at = excluded.updated_at""")
			.params(workspace.value(), user.value(), available, capacity, ts(at)).update();
	}

	/** The member was just given a conversation: the tie-break of least-loaded assignment. */
	void assigned(WorkspaceId workspace, UserId user, Instant at) {
		jdbc.sql("""
				insert into inbox.agents (workspace_id, user_id, available, last_assigned_at, updated_at)
				values (?, ?, true, ?, ?)
				on conflict (workspace_id, user_id) do update set last_assigned_at = excluded.last_assigned_at""")
			.params(workspace.value(), user.value(), ts(at), ts(at)).update();
	}

	/** How many conversations each member has that are not resolved (new, open or pending). */
	Map<UserId, Integer> openLoads(WorkspaceId workspace) {
		Map<UserId, Integer> loads = new HashMap<>();
		jdbc.sql("""
				select assignee_id, count(*) as open from inbox.conversations
				where workspace_id = ? and assignee_id is not null and status in ('new', 'open', 'pending')
				group by assignee_id""")
			.param(workspace.value())
			.query(rs -> {
				loads.put(new UserId(rs.getObject("assignee_id", UUID.class)), rs.getInt("open"));
			});
		return loads;
	}

	/**
	 * Makes the workspace's assignments take turns until the transaction ends, so that each one sees the loads and
	 * turns the one before it left.
	 */
	void lockAssignments(WorkspaceId workspace) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("inbox-assign:" + workspace.value())
			.query(rs -> {
			});
	}

	/** The member who had the team's last round-robin turn, with the team's turn row locked until the transaction ends. */
	@Nullable UserId lockTurn(WorkspaceId workspace, UUID team, Instant now) {
		jdbc.sql("""
				insert into inbox.assignment_cursors (workspace_id, team_id, updated_at) values (?, ?, ?)
				on conflict (workspace_id, team_id) do nothing""")
			.params(workspace.value(), team, ts(now)).update();
		return jdbc.sql("""
				select last_user_id from inbox.assignment_cursors where workspace_id = ? and team_id = ? for update""")
			.params(workspace.value(), team)
			.query((rs, n) -> Optional.ofNullable(rs.getObject("last_user_id", UUID.class)).map(UserId::new))
			.single().orElse(null);
	}

	void turnTaken(WorkspaceId workspace, UUID team, UserId user, Instant at) {
		jdbc.sql("""
				update inbox.assignment_cursors set last_user_id = ?, updated_at = ?
				where workspace_id = ? and team_id = ?""")
			.params(user.value(), ts(at), workspace.value(), team).update();
	}
}
