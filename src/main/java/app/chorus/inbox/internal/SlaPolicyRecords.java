package app.chorus.inbox.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.inbox.sla.BusinessHours.Opening;
import app.chorus.inbox.sla.SlaPolicy;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** The workspace's SLA policies (its own and its teams'), and the SLA columns of its conversations. */
@Repository
class SlaPolicyRecords {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	SlaPolicyRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** How opening hours are kept in the {@code opening_hours} column. */
	record StoredOpening(String day, String open, String close) {
	}

	record PolicyRow(SlaPolicy policy, UserId updatedBy, Instant updatedAt) {
	}

	List<PolicyRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from inbox.sla_policies where workspace_id = ? order by team_id nulls first")
			.param(workspace.value()).query(this::row).list();
	}

	/** Sets the workspace's policy ({@code policy.teamId()} null) or a team's, replacing what was there. */
	void put(WorkspaceId workspace, SlaPolicy policy, UserId by, Instant at) {
		String hours = json.writeValueAsString(policy.openings().stream()
			.map(o -> new StoredOpening(o.day().name(), o.open().toString(), o.close().toString())).toList());
		String[] closed = policy.closedDays().stream().sorted().map(LocalDate::toString).toArray(String[]::new);
		String target = policy.teamId() == null ? "(workspace_id) where team_id is null"
				: "(workspace_id, team_id) where team_id is not null";
		jdbc.sql("""
				insert into inbox.sla_policies (id, workspace_id, team_id, first_response_minutes, resolution_minutes,
				    at_risk_percent, time_zone, opening_hours, closed_days, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as date[]), ?, ?)
				on conflict %s do update set first_response_minutes = excluded.first_response_minutes,
				    resolution_minutes = excluded.resolution_minutes, at_risk_percent = excluded.at_risk_percent,
				    time_zone = excluded.time_zone, opening_hours = excluded.opening_hours,
				    closed_days = excluded.closed_days, updated_by = excluded.updated_by,
				    updated_at = excluded.updated_at""".formatted(target))
			.params(Ids.next(), workspace.value(), policy.teamId(), policy.firstResponse().toMinutes(),
					policy.resolution().toMinutes(), policy.atRiskPercent(),
					policy.zone() == null ? null : policy.zone().getId(), hours, closed, by.value(), InboxRecords.ts(at))
			.update();
	}

	/** @return whether there was one */
	boolean remove(WorkspaceId workspace, @Nullable UUID team) {
		return jdbc.sql("delete from inbox.sla_policies where workspace_id = ? and team_id is not distinct from ?")
			.params(workspace.value(), team).update() > 0;
	}

	// the conversations' clocks

	/**
	 * Holds the workspace's policy lock until the transaction ends: shared by whoever stamps conversations it makes
	 * from the policies it reads, alone by a policy change. So a change either commits before the policies are read
	 * (and they are the new ones) or waits until the conversations made meanwhile are stored (and stamps them again).
	 */
	void lockPolicies(WorkspaceId workspace, boolean shared) {
		jdbc.sql("select " + (shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")
				+ "(hashtextextended(?, 0))").param("inbox.sla_policies:" + workspace.value()).query((rs, n) -> 1)
			.list();
	}

	/** The clocks of these conversations are to be stamped again (after a policy or team change). */
	void restamp(WorkspaceId workspace, @Nullable UUID team) {
		if (team == null) {
			jdbc.sql("update inbox.conversations set sla_stamped = false where workspace_id = ? and sla_stamped")
				.param(workspace.value()).update();
		}
		else {
			jdbc.sql("""
					update inbox.conversations set sla_stamped = false
					where workspace_id = ? and team_id = ? and sla_stamped""")
				.params(workspace.value(), team).update();
		}
	}

	private PolicyRow row(ResultSet rs, int n) throws SQLException {
		String zone = rs.getString("time_zone");
		List<Opening> openings = Arrays.stream(json.readValue(rs.getString("opening_hours"), StoredOpening[].class))
			.map(o -> new Opening(DayOfWeek.valueOf(o.day()), LocalTime.parse(o.open()), LocalTime.parse(o.close())))
			.toList();
		Array closed = rs.getArray("closed_days");
		Set<LocalDate> closedDays = closed == null ? Set.of()
				: Arrays.stream((Date[]) closed.getArray()).map(Date::toLocalDate).collect(Collectors.toSet());
		SlaPolicy policy = new SlaPolicy(rs.getObject("team_id", UUID.class),
				Duration.ofMinutes(rs.getInt("first_response_minutes")),
				Duration.ofMinutes(rs.getInt("resolution_minutes")), rs.getInt("at_risk_percent"),
				zone == null ? null : ZoneId.of(zone), openings, closedDays, true);
		return new PolicyRow(policy, new UserId(rs.getObject("updated_by", UUID.class)),
				InboxRecords.instant(rs, "updated_at"));
	}
}
