package app.chorus.inbox.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * The {@code and ...} conditions of an inbox list query over one table alias ({@code i} for items, {@code c} for
 * conversations), with their named parameters; a condition whose value is {@code null} is left out. Values always
 * travel as parameters, never in the SQL text.
 */
final class InboxConditions {

	/** The SLA states a list can be narrowed to. */
	static final Set<String> SLA_STATES = Set.of("on-track", "at-risk", "breached");

	private final String alias;
	private final StringBuilder sql = new StringBuilder();
	private final Map<String, Object> params = new HashMap<>();
	private final Instant now;

	InboxConditions(String alias, WorkspaceId workspace, Instant now) {
		this.alias = alias;
		this.now = now;
		params.put("ws", workspace.value());
	}

	InboxConditions equal(String column, String param, @Nullable Object value) {
		if (value != null) {
			raw(alias + "." + column + " = :" + param).param(param, value);
		}
		return this;
	}

	InboxConditions sentiment(@Nullable String label) {
		return equal("sentiment_label", "sentiment", label);
	}

	/** @param query a tsquery over the items' words */
	InboxConditions search(@Nullable String query) {
		if (query != null) {
			raw(alias + ".search @@ cast(:q as tsquery)").param("q", query);
		}
		return this;
	}

	/** Conversations of this member, or of nobody when {@code unassigned}. */
	InboxConditions assignee(@Nullable UserId assignee, boolean unassigned) {
		if (unassigned) {
			return raw(alias + ".assignee_id is null");
		}
		return equal("assignee_id", "assignee", assignee == null ? null : assignee.value());
	}

	InboxConditions tag(@Nullable String tag) {
		if (tag != null) {
			raw(alias + ".tags @> array[cast(:tag as text)]").param("tag", tag);
		}
		return this;
	}

	/**
	 * Conversations whose clocks are in this state now, by their stamped due times: breached when a running clock is
	 * past its target, at risk when one is past its at-risk time (and none breached), on track otherwise. A resolved
	 * conversation has no running clock; one not stamped yet counts as on track.
	 */
	InboxConditions sla(@Nullable String state) {
		if (state == null) {
			return this;
		}
		String breached = running("first_response_due_at", "resolution_due_at");
		String atRisk = running("first_response_at_risk_at", "resolution_at_risk_at");
		String open = alias + ".status <> 'resolved'";
		param("now", Timestamp.from(now));
		return switch (state) {
			case "breached" -> raw(open + " and " + breached);
			case "at-risk" -> raw(open + " and " + atRisk + " and not " + breached);
			case "on-track" -> raw(open + " and not " + atRisk);
			default -> throw new IllegalArgumentException("unknown SLA state " + state);
		};
	}

	/** Whether the first-response clock (while we have not answered) or the resolution clock has reached its time. */
	private String running(String firstResponse, String resolution) {
		return "coalesce((" + alias + ".sla_responded_at is null and " + alias + "." + firstResponse + " <= :now) or "
				+ alias + "." + resolution + " <= :now, false)";
	}

	InboxConditions raw(String condition) {
		sql.append(" and ").append(condition);
		return this;
	}

	InboxConditions param(String name, Object value) {
		params.put(name, value);
		return this;
	}

	/**
	 * The conditions as {@code " and ..."} (empty without any); their parameters go to {@code into} as well, when
	 * it is given, so that one statement carries the parameters of both.
	 */
	String andClause(@Nullable InboxConditions into) {
		if (into != null) {
			into.params.putAll(params);
		}
		return sql.toString();
	}

	Map<String, Object> params() {
		return params;
	}
}
