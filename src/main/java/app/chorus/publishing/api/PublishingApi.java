package app.chorus.publishing.api;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
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
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	PublishingApi(PublishingSwitch publishing, WorkspaceContext context, CurrentUser currentUser) {
		this.publishing = publishing;
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

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static StateResource resource(PublishingSwitch.State state) {
		return new StateResource(state.paused(), state.reason(),
				state.pausedBy() == null ? null : state.pausedBy().value(), state.pausedAt(), state.held());
	}
}
