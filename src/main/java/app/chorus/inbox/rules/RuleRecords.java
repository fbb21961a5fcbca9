package app.chorus.inbox.rules;

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
import tools.jackson.databind.json.JsonMapper;

/** Automation rules and their hits. Every query names the workspace. */
@Repository
class RuleRecords {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	RuleRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record RuleRow(UUID id, WorkspaceId workspaceId, String name, int position, boolean enabled,
			List<Condition> conditions, List<Action> actions, boolean stopProcessing, long hits,
			@Nullable Instant lastHitAt, UserId createdBy, Instant createdAt, UserId updatedBy, Instant updatedAt) {

		boolean matches(RuleSubject subject) {
			return conditions.stream().allMatch(condition -> condition.test(subject));
		}
	}

	record HitRow(UUID id, UUID ruleId, UUID itemId, Instant at, List<RuleOutcome> outcomes) {
	}

	// rules

	/** Adds the rule after the workspace's last. */
	void insert(RuleRow rule) {
		jdbc.sql("""
				insert into inbox.rules (id, workspace_id, name, position, enabled, conditions, actions,
				    stop_processing, created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, (select coalesce(max(position), 0) + 1 from inbox.rules where workspace_id = ?), ?,
				    cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)""")
			.params(rule.id(), rule.workspaceId().value(), rule.name(), rule.workspaceId().value(), rule.enabled(),
					conditions(rule.conditions()), actions(rule.actions()), rule.stopProcessing(),
					rule.createdBy().value(), ts(rule.createdAt()), rule.updatedBy().value(), ts(rule.updatedAt()))
			.update();
	}

	void update(RuleRow rule) {
		jdbc.sql("""
				update inbox.rules set name = ?, enabled = ?, conditions = cast(? as jsonb), actions = cast(? as jsonb),
				    stop_processing = ?, updated_by = ?, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(rule.name(), rule.enabled(), conditions(rule.conditions()), actions(rule.actions()),
					rule.stopProcessing(), rule.updatedBy().value(), ts(rule.updatedAt()),
					rule.workspaceId().value(), rule.id())
			.update();
	}

	boolean delete(WorkspaceId workspace, UUID id) {
		return jdbc.sql("delete from inbox.rules where workspace_id = ? and id = ?").params(workspace.value(), id)
			.update() == 1;
	}

	Optional<RuleRow> find(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from inbox.rules where workspace_id = ? and id = ?").params(workspace.value(), id)
			.query(this::rule).optional();
	}

	/** In the order they run. */
	List<RuleRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from inbox.rules where workspace_id = ? order by position, id")
			.param(workspace.value()).query(this::rule).list();
	}

	/** The enabled rules, in the order they run. */
	List<RuleRow> enabled(WorkspaceId workspace) {
		return jdbc.sql("select * from inbox.rules where workspace_id = ? and enabled order by position, id")
			.param(workspace.value()).query(this::rule).list();
	}

	/** Locks the workspace's rules while they are put in a new order. */
	List<UUID> lockAll(WorkspaceId workspace) {
		return jdbc.sql("select id from inbox.rules where workspace_id = ? order by position, id for update")
			.param(workspace.value()).query(UUID.class).list();
	}

	void place(WorkspaceId workspace, UUID id, int position) {
		jdbc.sql("update inbox.rules set position = ? where workspace_id = ? and id = ?")
			.params(position, workspace.value(), id).update();
	}

	void counted(WorkspaceId workspace, UUID id, Instant at) {
		jdbc.sql("""
				update inbox.rules set hits = hits + 1, last_hit_at = greatest(coalesce(last_hit_at, ?), ?)
				where workspace_id = ? and id = ?""")
			.params(ts(at), ts(at), workspace.value(), id).update();
	}

	// hits

	/** @return false when the rule has been applied to the item already */
	boolean insertHit(WorkspaceId workspace, UUID id, UUID rule, UUID item, Instant at, List<RuleOutcome> outcomes) {
		return jdbc.sql("""
				insert into inbox.rule_hits (id, workspace_id, rule_id, item_id, at, outcomes)
				values (?, ?, ?, ?, ?, cast(? as jsonb))
				on conflict (rule_id, item_id) do nothing""")
			.params(id, workspace.value(), rule, item, ts(at), outcomes(outcomes)).update() == 1;
	}

	/**
	 * Whether the items have anything for the engine to do: the workspace has a rule enabled, or one of them has hits
	 * already (one statement, so that the many workspaces without rules pay one read per stored batch).
	 */
	boolean anythingFor(WorkspaceId workspace, List<UUID> items) {
		return Boolean.TRUE.equals(jdbc.sql("""
				select exists (select 1 from inbox.rules where workspace_id = :ws and enabled)
				    or exists (select 1 from inbox.rule_hits where workspace_id = :ws
				        and item_id = any(cast(:items as uuid[])))""")
			.param("ws", workspace.value()).param("items", items.stream().map(UUID::toString).toArray(String[]::new))
			.query(Boolean.class).single());
	}

	boolean anyHit(WorkspaceId workspace, UUID item) {
		return jdbc.sql("select count(*) from inbox.rule_hits where workspace_id = ? and item_id = ?")
			.params(workspace.value(), item).query(Long.class).single() > 0;
	}

	/** The item's hits, in the order the rules ran. */
	List<HitRow> hitsOf(WorkspaceId workspace, UUID item) {
		return jdbc.sql("""
				select h.* from inbox.rule_hits h join inbox.rules r on r.id = h.rule_id
				where h.workspace_id = ? and h.item_id = ? order by r.position, r.id""")
			.params(workspace.value(), item).query(this::hit).list();
	}

	/** The rule's latest hits first. */
	List<HitRow> hitsOfRule(WorkspaceId workspace, UUID rule, int limit) {
		return jdbc.sql("""
				select * from inbox.rule_hits where workspace_id = ? and rule_id = ? order by at desc, id desc
				limit ?""")
			.params(workspace.value(), rule, limit).query(this::hit).list();
	}

	void settle(WorkspaceId workspace, UUID hit, List<RuleOutcome> outcomes) {
		jdbc.sql("update inbox.rule_hits set outcomes = cast(? as jsonb) where workspace_id = ? and id = ?")
			.params(outcomes(outcomes), workspace.value(), hit).update();
	}

	// mapping

	String conditions(List<Condition> conditions) {
		return json.writerFor(Condition[].class).writeValueAsString(conditions.toArray(Condition[]::new));
	}

	String actions(List<Action> actions) {
		return json.writerFor(Action[].class).writeValueAsString(actions.toArray(Action[]::new));
	}

	private String outcomes(List<RuleOutcome> outcomes) {
		return json.writerFor(RuleOutcome[].class).writeValueAsString(outcomes.toArray(RuleOutcome[]::new));
	}

	private RuleRow rule(ResultSet rs, int n) throws SQLException {
		return new RuleRow(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
				rs.getString("name"), rs.getInt("position"), rs.getBoolean("enabled"),
				List.of(json.readValue(rs.getString("conditions"), Condition[].class)),
				List.of(json.readValue(rs.getString("actions"), Action[].class)), rs.getBoolean("stop_processing"),
				rs.getLong("hits"), instant(rs, "last_hit_at"), new UserId(rs.getObject("created_by", UUID.class)),
				instant(rs, "created_at"), new UserId(rs.getObject("updated_by", UUID.class)),
				instant(rs, "updated_at"));
	}

	private HitRow hit(ResultSet rs, int n) throws SQLException {
		return new HitRow(rs.getObject("id", UUID.class), rs.getObject("rule_id", UUID.class),
				rs.getObject("item_id", UUID.class), instant(rs, "at"),
				List.of(json.readValue(rs.getString("outcomes"), RuleOutcome[].class)));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
