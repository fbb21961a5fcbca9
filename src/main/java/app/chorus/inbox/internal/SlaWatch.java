package app.chorus.inbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import app.chorus.inbox.ConversationSlaAlerted;
import app.chorus.inbox.sla.SlaClock.Reading;
import app.chorus.inbox.sla.SlaClock.Readings;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Keeps the conversations' SLA clocks where lists and alerts can use them: stamps the due and at-risk times of every
 * conversation whose round, team, answer or policy changed (from its policy, in business hours), and sends the
 * at-risk and breached alerts once per level and round ({@link ConversationSlaAlerted}, which notifies and reaches the
 * live inbox). Runs as the db-scheduler recurring task {@value #NAME}, on one node at a time.
 */
@Component
public class SlaWatch {

	static final String NAME = "watch-inbox-slas";
	/** Conversations stamped or alerted per statement. */
	static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final SlaPolicies policies;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SlaWatch(JdbcClient jdbc, JdbcTemplate batches, SlaPolicies policies, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.policies = policies;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Bean
	static RecurringTask<Void> watchInboxSlasTask(@Lazy SlaWatch watch,
			@Value("${chorus.inbox.sla-interval:PT15S}") Duration interval) {
		return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> watch.sweep());
	}

	/** One pass at the current time. */
	void sweep() {
		sweep(clock.instant());
	}

	/**
	 * Stamps what needs it, then alerts what is due at {@code now}.
	 * @return how many alerts were sent
	 */
	public int sweep(Instant now) {
		// a resolved conversation has no running clock and sends no alert: nothing to work out
		jdbc.sql("""
				update inbox.conversations set sla_stamped = true, sla_next_alert_at = null
				where not sla_stamped and status = 'resolved'""").update();
		while (stamp(now) == BATCH) {
			// another batch
		}
		int alerted = 0;
		int found;
		do {
			List<Clocks> due = jdbc.sql(SELECT + """
					where sla_stamped and sla_next_alert_at <= ? and status <> 'resolved'
					order by sla_next_alert_at limit ?""").params(InboxRecords.ts(now), BATCH).query(Clocks::of).list();
			found = due.size();
			for (Clocks conversation : due) {
				alerted += alert(conversation, now) ? 1 : 0;
			}
		}
		while (found == BATCH);
		return alerted;
	}

	/** The SLA columns of a conversation as the watch reads them. */
	private record Clocks(UUID id, WorkspaceId workspace, @Nullable UUID team, Instant startedAt,
			@Nullable Instant respondedAt, @Nullable Instant resolvedAt, String status, @Nullable UserId assignee,
			String alerted) {

		static Clocks of(ResultSet rs, int n) throws SQLException {
			UUID assignee = rs.getObject("assignee_id", UUID.class);
			return new Clocks(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
					rs.getObject("team_id", UUID.class),
					Objects.requireNonNullElse(InboxRecords.instant(rs, "sla_started_at"),
							InboxRecords.instant(rs, "created_at")),
					InboxRecords.instant(rs, "sla_responded_at"), InboxRecords.instant(rs, "resolved_at"),
					rs.getString("status"), assignee == null ? null : new UserId(assignee), rs.getString("sla_alerted"));
		}
	}

	private static final String SELECT = """
			select id, workspace_id, team_id, created_at, sla_started_at, sla_responded_at, resolved_at, status,
			    assignee_id, sla_alerted
			from inbox.conversations
			""";

	/** The SLA columns a conversation is stamped with. */
	record Stamp(Instant firstResponseDue, Instant firstResponseAtRisk, Instant resolutionDue,
			Instant resolutionAtRisk, @Nullable Instant nextAlert) {
	}

	/**
	 * The stamp of conversations made at {@code now} in the workspace, with no team yet: they are stored stamped, so
	 * the watch need not write each one again. Runs in the caller's transaction, which must store them
	 * ({@link SlaPolicies#currentForNew}).
	 */
	Stamp forNew(WorkspaceId workspace, Instant now) {
		Readings readings = policies.currentForNew(workspace).clock().read(now, null, null, now);
		return new Stamp(readings.firstResponse().dueAt(), readings.firstResponse().atRiskFrom(),
				readings.resolution().dueAt(), readings.resolution().atRiskFrom(),
				nextAlert(null, "new", "none", null, readings));
	}

	private int stamp(Instant now) {
		List<Clocks> unstamped = jdbc.sql(SELECT + "where not sla_stamped limit ?").param(BATCH).query(Clocks::of)
			.list();
		// one statement sent as a JDBC batch in one transaction: not a round trip per conversation, one commit
		if (!unstamped.isEmpty()) {
			transactions.executeWithoutResult(status -> batches.batchUpdate("""
					update inbox.conversations set sla_stamped = true, first_response_due_at = ?,
					    first_response_at_risk_at = ?, resolution_due_at = ?, resolution_at_risk_at = ?,
					    sla_next_alert_at = ?
					where id = ? and not sla_stamped and team_id is not distinct from ?
					    and coalesce(sla_started_at, created_at) = ? and sla_responded_at is not distinct from ?
					    and resolved_at is not distinct from ? and sla_alerted = ?""",
					// written only if nothing the stamp depends on changed meanwhile (else the next pass stamps it)
					unstamped.stream().map(conversation -> stamp(conversation, now)).toList()));
		}
		return unstamped.size();
	}

	private Object[] stamp(Clocks conversation, Instant now) {
		Readings readings = readings(conversation, now);
		return new Object[] { InboxRecords.ts(readings.firstResponse().dueAt()),
				InboxRecords.ts(readings.firstResponse().atRiskFrom()), InboxRecords.ts(readings.resolution().dueAt()),
				InboxRecords.ts(readings.resolution().atRiskFrom()), InboxRecords.ts(nextAlert(conversation, readings)),
				conversation.id(), conversation.team(), InboxRecords.ts(conversation.startedAt()),
				InboxRecords.ts(conversation.respondedAt()), InboxRecords.ts(conversation.resolvedAt()),
				conversation.alerted() };
	}

	/** Sends the alert the conversation is due, if it is still due; the level is taken once (compare and set). */
	private boolean alert(Clocks conversation, Instant now) {
		Readings readings = readings(conversation, now);
		Reading first = readings.firstResponse();
		Reading resolution = readings.resolution();
		boolean firstRuns = conversation.respondedAt() == null;
		String level;
		Reading which;
		if (firstRuns && !now.isBefore(first.dueAt()) || !now.isBefore(resolution.dueAt())) {
			level = "breached";
			which = firstRuns && !now.isBefore(first.dueAt()) ? first : resolution;
		}
		else if (firstRuns && !now.isBefore(first.atRiskFrom()) || !now.isBefore(resolution.atRiskFrom())) {
			level = "at-risk";
			which = firstRuns && !now.isBefore(first.atRiskFrom()) ? first : resolution;
		}
		else {
			level = conversation.alerted();
			which = null;
		}
		String reached = level;
		Clocks after = new Clocks(conversation.id(), conversation.workspace(), conversation.team(),
				conversation.startedAt(), conversation.respondedAt(), conversation.resolvedAt(), conversation.status(),
				conversation.assignee(), rank(level) > rank(conversation.alerted()) ? level : conversation.alerted());
		Reading clock = which;
		return Boolean.TRUE.equals(transactions.execute(s -> {
			int changed = jdbc.sql("""
					update inbox.conversations set sla_alerted = ?, sla_next_alert_at = ?
					where id = ? and sla_alerted = ? and sla_stamped""")
				.params(after.alerted(), InboxRecords.ts(nextAlert(after, readings)), conversation.id(),
						conversation.alerted())
				.update();
			if (changed == 0 || clock == null || rank(reached) <= rank(conversation.alerted())) {
				return false;
			}
			events.publishEvent(new ConversationSlaAlerted(conversation.workspace(), conversation.id(), reached,
					clock == first ? "first-response" : "resolution", clock.dueAt(), conversation.assignee()));
			return true;
		}));
	}

	private Readings readings(Clocks conversation, Instant now) {
		return policies.effective(conversation.workspace(), conversation.team()).clock()
			.read(conversation.startedAt(), conversation.respondedAt(), conversation.resolvedAt(), now);
	}

	/**
	 * When the next alert falls due: the earliest at-risk time of a running clock before any alert, its earliest due
	 * time after the at-risk one; none once breached or resolved.
	 */
	private static @Nullable Instant nextAlert(Clocks conversation, Readings readings) {
		return nextAlert(conversation.resolvedAt(), conversation.status(), conversation.alerted(),
				conversation.respondedAt(), readings);
	}

	private static @Nullable Instant nextAlert(@Nullable Instant resolvedAt, String status, String alerted,
			@Nullable Instant respondedAt, Readings readings) {
		if (resolvedAt != null || status.equals("resolved") || alerted.equals("breached")) {
			return null;
		}
		boolean atRiskSent = alerted.equals("at-risk");
		Instant resolution = atRiskSent ? readings.resolution().dueAt() : readings.resolution().atRiskFrom();
		if (respondedAt != null) {
			return resolution;
		}
		Instant first = atRiskSent ? readings.firstResponse().dueAt() : readings.firstResponse().atRiskFrom();
		return first.isBefore(resolution) ? first : resolution;
	}

	private static int rank(String level) {
		return switch (level) {
			case "breached" -> 2;
			case "at-risk" -> 1;
			default -> 0;
		};
	}
}
