package app.chorus.publishing.api;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.ApprovalPolicies;
import app.chorus.publishing.internal.PublishingSwitch;
import app.chorus.shared.audit.AuditActor;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The crisis switch: pause every publish in the workspace, and resume. */
@RestController
@RequestMapping("/api/v1/publishing")
@Tag(name = "Publishing", description = "The crisis switch")
class PublishingApi {

	private final PublishingSwitch publishing;
	private final ApprovalPolicies policies;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	PublishingApi(PublishingSwitch publishing, ApprovalPolicies policies, WorkspaceContext context,
			CurrentUser currentUser) {
		this.publishing = publishing;
		this.policies = policies;
		this.context = context;
		this.currentUser = currentUser;
	}

	record PauseBody(@Nullable String reason) {
	}

	record ResumeBody(@Nullable String choice) {
	}

	record StateResource(boolean paused, @Nullable String reason, @Nullable UUID pausedBy,
			@Nullable Instant pausedAt, int held) {
	}

	@GetMapping
	StateResource state() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(publishing.state(membership.workspaceId()));
	}

	@Operation(summary = "Pause all publishing in the workspace, with a reason: posts that come due are held")
	@PostMapping("/pause")
	StateResource pause(@RequestBody(required = false) @Nullable PauseBody body) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		return resource(publishing.pause(membership, actor(), body == null ? null : body.reason()));
	}

	@Operation(summary = "Resume publishing; choice publish_now (default) sends every held post at once, "
			+ "keep_held leaves them for people to release or reschedule")
	@PostMapping("/resume")
	StateResource resume(@RequestBody(required = false) @Nullable ResumeBody body) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		return resource(publishing.resume(membership, actor(),
				PublishingSwitch.Choice.fromKey(body == null ? null : body.choice())));
	}

	record PolicyBody(java.util.@Nullable List<ApprovalPolicies.Step> steps) {
	}

	@Operation(summary = "Who must approve posts: the workspace's steps, and each channel's own")
	@GetMapping("/approval-policy")
	ApprovalPolicies.Policies policies() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return policies.all(membership.workspaceId());
	}

	@Operation(summary = "Set the workspace's approval steps, in order: each {\"role\": \"manager\"} or "
			+ "{\"teamId\": \"...\"}; an empty list: posts are scheduled at once")
	@PutMapping("/approval-policy")
	ApprovalPolicies.Policies setWorkspacePolicy(@RequestBody PolicyBody body) {
		Membership membership = context.require(Permission.WORKSPACE_SETTINGS);
		return policies.set(membership, actor(), null, body.steps() == null ? java.util.List.of() : body.steps());
	}

	@Operation(summary = "Give one channel its own approval steps (they replace the workspace's for it)")
	@PutMapping("/approval-policy/channels/{channelId}")
	ApprovalPolicies.Policies setChannelPolicy(@PathVariable UUID channelId, @RequestBody PolicyBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return policies.set(membership, actor(), channelId,
				body.steps() == null ? java.util.List.of() : body.steps());
	}

	@Operation(summary = "Let a channel follow the workspace's approval steps again")
	@DeleteMapping("/approval-policy/channels/{channelId}")
	ApprovalPolicies.Policies clearChannelPolicy(@PathVariable UUID channelId) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return policies.clear(membership, actor(), channelId);
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static StateResource resource(PublishingSwitch.State state) {
		return new StateResource(state.paused(), state.reason(),
				state.pausedBy() == null ? null : state.pausedBy().value(), state.pausedAt(), state.held());
	}
}
