package app.chorus.inbox.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.Callers;
import app.chorus.inbox.internal.InboxModeration;
import app.chorus.inbox.internal.InboxModeration.ItemActions;
import app.chorus.inbox.internal.InboxService.ModerationView;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Moderating a conversation's messages through the channel's network, and what was taken. */
@RestController
@RequestMapping("/api/v1/inbox/conversations/{id}/moderation")
@Tag(name = "Inbox moderation", description = "Hide, delete, block, mute or report from a conversation, where the "
		+ "network offers it; recorded with who took it")
class ModerationApi {

	private final InboxModeration moderation;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	ModerationApi(InboxModeration moderation, WorkspaceContext context, CurrentUser currentUser) {
		this.moderation = moderation;
		this.context = context;
		this.currentUser = currentUser;
	}

	/** {@code itemId}: the message acted on; or {@code replyId}: a reply of ours to delete (action {@code delete}). */
	record ModerationBody(@Nullable String action, @Nullable UUID itemId, @Nullable UUID replyId,
			@Nullable String note) {
	}

	record ModerationResource(UUID id, UUID conversationId, UUID itemId, String action, String target,
			@Nullable String note, UUID takenBy, Instant takenAt, String outcome, @Nullable String errorKey,
			@Nullable String error, @Nullable UUID replyId) {
	}

	record OptionsResource(String network, List<String> offered, boolean allowed, List<ItemActions> items,
			List<ModerationResource> taken, boolean repliesDeletable) {
	}

	@Operation(summary = "The moderation the conversation's network offers (per message: block, mute, report and hide "
			+ "on other people's messages, delete on the channel's own), whether the caller may take it, and what was "
			+ "taken so far")
	@GetMapping
	OptionsResource options(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		InboxModeration.Options options = moderation.options(membership, id);
		return new OptionsResource(options.network(), options.offered(), options.allowed(), options.items(),
				options.taken().stream().map(ModerationApi::resource).toList(), options.repliesDeletable());
	}

	@Operation(summary = "Take a moderation action on a message of the conversation: hide or delete its post, block, "
			+ "mute or report its author (the note goes with a report); or delete a reply of ours (replyId); 422 when the network does not offer it, 503 "
			+ "when the network cannot be reached and 409 when the channel must be connected again (then recorded as "
			+ "failed)")
	@PostMapping
	ResponseEntity<ModerationResource> moderate(@PathVariable UUID id, @RequestBody ModerationBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		ModerationView taken = moderation.moderate(membership, Callers.actor(currentUser), id, body.action(), body.itemId(),
				body.replyId(), body.note());
		return ResponseEntity.created(URI.create("/api/v1/inbox/conversations/" + id + "/moderation/" + taken.id()))
			.body(resource(taken));
	}

	@Operation(summary = "Take a failed moderation action again; 409 unless it failed")
	@PostMapping("/{moderationId}/retry")
	ModerationResource retry(@PathVariable UUID id, @PathVariable UUID moderationId) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return resource(moderation.retry(membership, Callers.actor(currentUser), id, moderationId));
	}

	static ModerationResource resource(ModerationView m) {
		return new ModerationResource(m.id(), m.conversationId(), m.itemId(), m.action(), m.target(), m.note(),
				m.takenBy(), m.takenAt(), m.outcome(), m.errorKey(), m.error(), m.replyId());
	}
}
