package app.chorus.inbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.inbox.ConversationAssigned;
import app.chorus.inbox.internal.AgentRecords.AgentRow;
import app.chorus.inbox.internal.InboxRecords.ConversationRow;
import app.chorus.inbox.internal.InboxService.ConversationView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceManagement;
import app.chorus.workspace.WorkspaceManagement.MemberSummary;

/**
 * Hands conversations to members who are there to take them. Only members whose role may answer the inbox are
 * candidates, and of those only the available ones below their capacity (a member without settings is available
 * without a limit). Round-robin takes turns within a team; least-loaded picks the member with the fewest open (new,
 * open, pending) conversations, the one assigned longest ago on a tie. Assignments in a workspace take turns (a
 * transaction-scoped advisory lock, and the team's turn row locked), so two at once never pick from the same
 * reading of turns and loads.
 */
@Service
public class InboxAssignment {

	/** How the assignee is chosen. */
	public enum Strategy {
		ROUND_ROBIN("round-robin"), LEAST_LOADED("least-loaded");

		private final String key;

		Strategy(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Optional<Strategy> fromKey(@Nullable String key) {
			for (Strategy strategy : values()) {
				if (strategy.key.equals(key)) {
					return Optional.of(strategy);
				}
			}
			return Optional.empty();
		}
	}

	/** A member as the inbox sees them: whether they take conversations now, their limit and their open load. */
	public record AgentView(UUID userId, String displayName, String email, String role, boolean available,
			@Nullable Integer capacity, int openConversations, @Nullable Instant lastAssignedAt) {
	}

	private final InboxRecords records;
	private final AgentRecords agents;
	private final InboxService inbox;
	private final WorkspaceManagement workspaces;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboxAssignment(InboxRecords records, AgentRecords agents, InboxService inbox, WorkspaceManagement workspaces,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.agents = agents;
		this.inbox = inbox;
		this.workspaces = workspaces;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Assigns the conversation by the strategy, tells the member and records it; callable by other inbox code
	 * (automation rules) with {@link AuditActor#system()}.
	 * @param team the team to choose from; required for round-robin, optional (the whole workspace) for least-loaded
	 * @throws ChorusException 404 for a conversation the workspace does not have; 422 naming {@code teamId} when it
	 * is missing for round-robin or not a team of the workspace; 409 when no candidate is available
	 */
	public ConversationView assign(WorkspaceId workspace, UUID conversationId, Strategy strategy, @Nullable UUID team,
			AuditActor actor) {
		inbox.find(workspace, conversationId);
		if (team == null && strategy == Strategy.ROUND_ROBIN) {
			throw ChorusException.invalid("teamId", "inbox.assign.team.required");
		}
		if (team != null && !workspaces.teamExists(workspace, team)) {
			throw ChorusException.invalid("teamId", "inbox.assign.team.unknown");
		}
		List<MemberSummary> candidates = candidates(workspace, team);
		return transactions.execute(s -> {
			agents.lockAssignments(workspace);
			ConversationRow conversation = records.lockConversations(workspace, List.of(conversationId)).stream()
				.findFirst().orElseThrow(() -> ChorusException.notFound("conversation"));
			Instant now = clock.instant();
			Map<UserId, AgentRow> settings = agents.all(workspace).stream()
				.collect(Collectors.toMap(AgentRow::userId, Function.identity()));
			Map<UserId, Integer> loads = agents.openLoads(workspace);
			List<MemberSummary> free = candidates.stream()
				.filter(m -> takesMore(settings.get(m.userId()), loads.getOrDefault(m.userId(), 0))).toList();
			UserId chosen = switch (strategy) {
				case ROUND_ROBIN -> nextInTurn(free, agents.lockTurn(workspace, team, now));
				case LEAST_LOADED -> free.stream().min(Comparator
					.comparingInt((MemberSummary m) -> loads.getOrDefault(m.userId(), 0))
					.thenComparing(m -> lastAssigned(settings.get(m.userId())))
					.thenComparing(m -> m.userId().value().toString())).map(MemberSummary::userId).orElse(null);
			};
			if (chosen == null) {
				throw team == null ? ChorusException.conflict("teamId", "inbox.assign.nobody-available")
						: ChorusException.conflict("teamId", "inbox.assign.nobody-available-in-team",
								teamName(workspace, team));
			}
			if (strategy == Strategy.ROUND_ROBIN) {
				agents.turnTaken(workspace, team, chosen, now);
			}
			records.updateConversation(workspace, conversationId, conversation.status(), conversation.priority(),
					chosen, conversation.resolvedAt());
			if (team != null && !team.equals(conversation.team())) {
				records.setTeam(workspace, conversationId, team);
			}
			agents.assigned(workspace, chosen, now);
			events.publishEvent(new ConversationAssigned(workspace, actor, conversationId, chosen,
					conversation.assignee(), strategy.key(), team, RequestOrigin.current()));
			if (!chosen.equals(conversation.assignee())) {
				events.publishEvent(new AssigneeChanged(workspace, conversationId, chosen, actor.userId()));
			}
			return inbox.view(inbox.find(workspace, conversationId));
		});
	}

	/** Every member who may answer the inbox, with their availability, limit and open load, by name. */
	public List<AgentView> agents(WorkspaceId workspace) {
		Map<UserId, AgentRow> settings = agents.all(workspace).stream()
			.collect(Collectors.toMap(AgentRow::userId, Function.identity()));
		Map<UserId, Integer> loads = agents.openLoads(workspace);
		return workspaces.members(workspace).stream().filter(m -> m.role().can(Permission.INBOX_REPLY))
			.map(m -> view(m, settings.get(m.userId()), loads.getOrDefault(m.userId(), 0))).toList();
	}

	/**
	 * Changes whether the member takes conversations and how many open ones at most; {@code null} leaves a field as
	 * it is, except the capacity when {@code capacityGiven} ({@code null} then means no limit).
	 */
	public AgentView update(Membership membership, @Nullable Boolean available, boolean capacityGiven,
			@Nullable Integer capacity) {
		if (capacityGiven && capacity != null && (capacity < 0 || capacity > 10_000)) {
			throw ChorusException.invalid("capacity", "inbox.agent.capacity.range", 10_000);
		}
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			Optional<AgentRow> current = agents.find(workspace, membership.userId());
			agents.save(workspace, membership.userId(),
					available != null ? available : current.map(AgentRow::available).orElse(true),
					capacityGiven ? capacity : current.map(AgentRow::capacity).orElse(null), clock.instant());
		});
		return agents(workspace).stream().filter(a -> a.userId().equals(membership.userId().value())).findFirst()
			.orElseThrow(() -> ChorusException.notFound("agent"));
	}

	/** The members who may answer the inbox (of the team, when one is named), in a fixed order for taking turns. */
	private List<MemberSummary> candidates(WorkspaceId workspace, @Nullable UUID team) {
		return workspaces.members(workspace).stream().filter(m -> m.role().can(Permission.INBOX_REPLY))
			.filter(m -> team == null || workspaces.teamIdsOf(workspace, m.userId()).contains(team))
			.sorted(Comparator.comparing(m -> m.userId().value().toString())).toList();
	}

	/** The first free member after the one who had the last turn, going round. */
	private static @Nullable UserId nextInTurn(List<MemberSummary> free, @Nullable UserId last) {
		if (free.isEmpty()) {
			return null;
		}
		String after = last == null ? "" : last.value().toString();
		return free.stream().filter(m -> m.userId().value().toString().compareTo(after) > 0).findFirst()
			.orElse(free.getFirst()).userId();
	}

	private static boolean takesMore(@Nullable AgentRow settings, int load) {
		return settings == null || settings.available() && (settings.capacity() == null || load < settings.capacity());
	}

	private static Instant lastAssigned(@Nullable AgentRow settings) {
		return settings == null || settings.lastAssignedAt() == null ? Instant.MIN : settings.lastAssignedAt();
	}

	private String teamName(WorkspaceId workspace, UUID team) {
		return workspaces.teamName(workspace, team).orElse("");
	}

	private static AgentView view(MemberSummary member, @Nullable AgentRow settings, int load) {
		return new AgentView(member.userId().value(), member.displayName(), member.email(), member.role().key(),
				settings == null || settings.available(), settings == null ? null : settings.capacity(), load,
				settings == null ? null : settings.lastAssignedAt());
	}
}
