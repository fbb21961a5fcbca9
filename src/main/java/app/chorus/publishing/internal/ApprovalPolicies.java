package app.chorus.publishing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.publishing.ApprovalPolicyChanged;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceManagement;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who must approve a post before it may go out. The workspace has a policy (none by default: posts are scheduled at
 * once); a channel may have its own, which replaces the workspace's for that channel. A policy is an ordered list of
 * steps; each step is approved by one member who holds at least the step's role, or who belongs to the step's team,
 * and may approve posts. A post going to several channels follows the longest of their policies.
 */
@Service
public class ApprovalPolicies {

	static final int MAX_STEPS = 5;
	private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApprovalPolicies(JdbcClient jdbc, JsonMapper json, ChannelManagement channels, WorkspaceManagement workspaces,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.channels = channels;
		this.workspaces = workspaces;
		this.events = events;
		this.clock = clock;
	}

	/** One step: a role (that role or a more powerful one approves) or a team (one of its members approves). */
	public record Step(@Nullable String role, @Nullable UUID teamId) {
	}

	/** The workspace's policy, and each channel's own. */
	public record Policies(List<Step> workspace, java.util.Map<UUID, List<Step>> channels) {
	}

	public Policies all(WorkspaceId workspace) {
		List<Step> base = List.of();
		java.util.Map<UUID, List<Step>> byChannel = new java.util.LinkedHashMap<>();
		for (var row : jdbc.sql("select channel_id, steps::text from publishing.approval_policies where workspace_id = ?")
			.param(workspace.value())
			.query((rs, n) -> java.util.Map.entry(Optional.ofNullable(rs.getObject(1, UUID.class)),
					json.readValue(rs.getString(2), STEPS)))
			.list()) {
			if (row.getKey().isEmpty()) {
				base = row.getValue();
			}
			else {
				byChannel.put(row.getKey().get(), row.getValue());
			}
		}
		return new Policies(base, byChannel);
	}

	/** The steps a post to these channels must pass: the longest of the channels' policies. */
	public List<Step> stepsFor(WorkspaceId workspace, Collection<UUID> channelIds) {
		Policies policies = all(workspace);
		List<Step> longest = List.of();
		for (UUID channel : channelIds) {
			List<Step> steps = policies.channels().getOrDefault(channel, policies.workspace());
			if (steps.size() > longest.size()) {
				longest = steps;
			}
		}
		return longest;
	}

	/** Sets the workspace's policy ({@code channel} null) or a channel's own; an empty list means no approval. */
	@Transactional
	public Policies set(Membership membership, AuditActor who, @Nullable UUID channel, List<Step> steps) {
		if (!membership.can(channel == null ? Permission.WORKSPACE_SETTINGS : Permission.CHANNELS_MANAGE)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		WorkspaceId workspace = membership.workspaceId();
		if (channel != null && channels.find(workspace, new ChannelId(channel)).isEmpty()) {
			throw ChorusException.notFound("channel");
		}
		List<Step> checked = check(workspace, steps);
		jdbc.sql("""
				delete from publishing.approval_policies where workspace_id = ?
				  and coalesce(channel_id, '00000000-0000-0000-0000-000000000000'::uuid)
				    = coalesce(cast(? as uuid), '00000000-0000-0000-0000-000000000000'::uuid)""")
			.params(workspace.value(), channel).update();
		jdbc.sql("""
				insert into publishing.approval_policies (id, workspace_id, channel_id, steps, updated_at)
				values (?, ?, ?, ?::jsonb, ?)""")
			.params(Ids.next(), workspace.value(), channel, json.writeValueAsString(checked),
					Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new ApprovalPolicyChanged(workspace, who, channel == null ? "workspace" : channel.toString(),
				describe(checked), RequestOrigin.current()));
		return all(workspace);
	}

	/** Removes a channel's own policy: the channel follows the workspace's again. */
	@Transactional
	public Policies clear(Membership membership, AuditActor who, UUID channel) {
		if (!membership.can(Permission.CHANNELS_MANAGE)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		int removed = jdbc.sql("delete from publishing.approval_policies where workspace_id = ? and channel_id = ?")
			.params(membership.workspaceId().value(), channel).update();
		if (removed == 0) {
			throw ChorusException.notFound("policy");
		}
		events.publishEvent(new ApprovalPolicyChanged(membership.workspaceId(), who, channel.toString(),
				"follows the workspace", RequestOrigin.current()));
		return all(membership.workspaceId());
	}

	/** Whether the member may decide this step. */
	boolean mayDecide(Membership member, Step step) {
		if (!member.can(Permission.POSTS_APPROVE)) {
			return false;
		}
		if (step.teamId() != null) {
			return workspaces.teamIdsOf(member.workspaceId(), member.userId()).contains(step.teamId());
		}
		Role needed = Role.fromKey(step.role() == null ? "" : step.role()).orElse(Role.OWNER);
		return member.role().ordinal() <= needed.ordinal();
	}

	/** The members who may decide this step (to tell them a post waits). */
	List<WorkspaceManagement.MemberSummary> deciders(WorkspaceId workspace, Step step) {
		List<WorkspaceManagement.MemberSummary> members = new ArrayList<>();
		for (WorkspaceManagement.MemberSummary member : workspaces.members(workspace)) {
			if (mayDecide(new Membership(workspace, "", member.userId(), member.role()), step)) {
				members.add(member);
			}
		}
		return members;
	}

	private List<Step> check(WorkspaceId workspace, List<Step> steps) {
		List<FieldProblem> problems = new ArrayList<>();
		if (steps.size() > MAX_STEPS) {
			problems.add(new FieldProblem("steps", "approval.steps.too-many", MAX_STEPS));
		}
		List<Step> checked = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			String field = "steps[" + i + "]";
			if ((step.role() == null) == (step.teamId() == null)) {
				problems.add(new FieldProblem(field, "approval.step.role-or-team"));
				continue;
			}
			if (step.teamId() != null) {
				if (!workspaces.teamExists(workspace, step.teamId())) {
					problems.add(new FieldProblem(field + ".teamId", "approval.step.team-unknown"));
				}
				checked.add(new Step(null, step.teamId()));
				continue;
			}
			Optional<Role> role = Role.fromKey(step.role().strip().toLowerCase(Locale.ROOT));
			if (role.isEmpty() || !role.get().can(Permission.POSTS_APPROVE)) {
				problems.add(new FieldProblem(field + ".role", "approval.step.role"));
				continue;
			}
			checked.add(new Step(role.get().key(), null));
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		return checked;
	}

	private static String describe(List<Step> steps) {
		return steps.isEmpty() ? "no approval" : String.join(" then ", steps.stream()
			.map(s -> s.role() != null ? s.role() : "team " + s.teamId()).toList());
	}
}
