package app.chorus.inbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.inbox.SlaPolicyChanged;
import app.chorus.inbox.internal.InboxRecords.ConversationRow;
import app.chorus.inbox.internal.SlaPolicyRecords.PolicyRow;
import app.chorus.inbox.sla.SlaClock;
import app.chorus.inbox.sla.SlaPolicy;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.WorkspaceManagement;

/**
 * The SLA policies of a workspace and its teams, and the clocks they give a conversation. A conversation handled by a
 * team (its {@code team_id}) runs on that team's policy when it has one, else on the workspace's, else on
 * {@link SlaPolicy#DEFAULT}. Policies are read often (every conversation shown) and change rarely: each node keeps them
 * for a few seconds, and forgets its copy at once when the change is its own.
 */
@Service
public class SlaPolicies {

	/** How long a node trusts its copy of a workspace's policies; another node's change shows after this. */
	static final Duration KEPT = Duration.ofSeconds(10);
	/** The longest target a policy may set: a quarter of a year of working time. */
	static final Duration LONGEST = Duration.ofDays(90);

	private record Kept(List<PolicyRow> rows, Instant until) {
	}

	private final SlaPolicyRecords records;
	private final WorkspaceManagement workspaces;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Map<WorkspaceId, Kept> kept = new ConcurrentHashMap<>();

	SlaPolicies(SlaPolicyRecords records, WorkspaceManagement workspaces, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.workspaces = workspaces;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** A policy as set, with who set it last. */
	public record PolicyView(SlaPolicy policy, @Nullable String teamName, @Nullable UUID updatedBy,
			@Nullable Instant updatedAt) {
	}

	/** The workspace's own policy (the default when none was set) first, then the teams' that have one. */
	public List<PolicyView> all(WorkspaceId workspace) {
		List<PolicyRow> rows = rows(workspace);
		PolicyView own = rows.stream().filter(r -> r.policy().teamId() == null).findFirst()
			.map(r -> new PolicyView(r.policy(), null, r.updatedBy().value(), r.updatedAt()))
			.orElse(new PolicyView(SlaPolicy.DEFAULT, null, null, null));
		return Stream.concat(Stream.of(own),
				rows.stream().filter(r -> r.policy().teamId() != null)
					.map(r -> new PolicyView(r.policy(), workspaces.teamName(workspace, r.policy().teamId()).orElse(""),
							r.updatedBy().value(), r.updatedAt())))
			.toList();
	}

	/** The policy a conversation of this team (or of nobody's team) runs on. */
	public SlaPolicy effective(WorkspaceId workspace, @Nullable UUID team) {
		List<PolicyRow> rows = rows(workspace);
		Optional<SlaPolicy> own = team == null ? Optional.empty()
				: rows.stream().map(PolicyRow::policy).filter(p -> team.equals(p.teamId())).findFirst();
		return own.or(() -> rows.stream().map(PolicyRow::policy).filter(p -> p.teamId() == null).findFirst())
			.orElse(SlaPolicy.DEFAULT);
	}

	/**
	 * The policy of a conversation of nobody's team, read now rather than from this node's copy, for conversations
	 * stamped as they are made; runs in the caller's transaction and holds the workspace's policy lock shared until it
	 * ends, so that a policy change made meanwhile stamps them again.
	 */
	SlaPolicy currentForNew(WorkspaceId workspace) {
		records.lockPolicies(workspace, true);
		// read in a statement of its own, after the lock: its snapshot sees a change that committed while it waited
		return records.all(workspace).stream().map(PolicyRow::policy).filter(p -> p.teamId() == null).findFirst()
			.orElse(SlaPolicy.DEFAULT);
	}

	/** The conversation's two clocks now. */
	public SlaClock.Readings read(ConversationRow conversation, Instant now) {
		return effective(conversation.workspaceId(), conversation.team()).clock()
			.read(conversation.slaStartedAt(), conversation.slaRespondedAt(), conversation.resolvedAt(), now);
	}

	/**
	 * Sets the workspace's policy ({@code policy.teamId()} null) or a team's; the clocks of the conversations it
	 * applies to are stamped again.
	 * @throws ChorusException 422 naming the field for a target out of range, opening hours that overlap or a team
	 * that is not the workspace's
	 */
	public PolicyView put(WorkspaceId workspace, AuditActor actor, SlaPolicy policy) {
		check(workspace, policy);
		transactions.executeWithoutResult(s -> {
			records.lockPolicies(workspace, false);
			records.put(workspace, policy, actor.userId(), clock.instant());
			records.restamp(workspace, policy.teamId());
			events.publishEvent(new SlaPolicyChanged(workspace, actor, policy.teamId(), "updated",
					describe(policy), RequestOrigin.current()));
		});
		kept.remove(workspace);
		return all(workspace).stream().filter(v -> Objects.equals(v.policy().teamId(), policy.teamId()))
			.findFirst().orElseThrow();
	}

	/**
	 * Removes the workspace's policy (back to the default) or a team's (back to the workspace's).
	 * @throws ChorusException 404 when there was none
	 */
	public void remove(WorkspaceId workspace, AuditActor actor, @Nullable UUID team) {
		transactions.executeWithoutResult(s -> {
			records.lockPolicies(workspace, false);
			if (!records.remove(workspace, team)) {
				throw ChorusException.notFound("sla-policy");
			}
			records.restamp(workspace, team);
			events.publishEvent(new SlaPolicyChanged(workspace, actor, team, "removed", "", RequestOrigin.current()));
		});
		kept.remove(workspace);
	}

	private void check(WorkspaceId workspace, SlaPolicy policy) {
		if (policy.teamId() != null && !workspaces.teamExists(workspace, policy.teamId())) {
			throw ChorusException.notFound("team");
		}
		if (policy.firstResponse().compareTo(LONGEST) > 0) {
			throw ChorusException.invalid("firstResponse", "inbox.sla.target.too-long", LONGEST.toDays());
		}
		if (policy.resolution().compareTo(LONGEST) > 0) {
			throw ChorusException.invalid("resolution", "inbox.sla.target.too-long", LONGEST.toDays());
		}
		try {
			policy.hours();
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("openingHours", "inbox.sla.hours.overlap");
		}
	}

	private static String describe(SlaPolicy policy) {
		return "first response " + policy.firstResponse() + ", resolution " + policy.resolution() + ", at risk after "
				+ policy.atRiskPercent() + "%" + (policy.zone() == null ? "" : ", " + policy.zone())
				+ (policy.openings().isEmpty() ? "" : ", " + policy.openings().size() + " opening(s)")
				+ (policy.closedDays().isEmpty() ? "" : ", " + policy.closedDays().size() + " closed day(s)");
	}

	private List<PolicyRow> rows(WorkspaceId workspace) {
		Instant now = clock.instant();
		Kept copy = kept.get(workspace);
		if (copy == null || copy.until().isBefore(now)) {
			copy = new Kept(records.all(workspace), now.plus(KEPT));
			kept.put(workspace, copy);
		}
		return copy.rows();
	}
}
