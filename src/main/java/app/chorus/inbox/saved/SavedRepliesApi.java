package app.chorus.inbox.saved;

import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.saved.SavedReplies.SavedReplyView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Saved replies, and one filled in for a conversation. */
@RestController
@Tag(name = "Saved replies", description = "Answers written once and used often. The text may hold {first_name}, "
		+ "{name}, {handle}, {channel} and {agent}, filled in for the conversation at hand; any other variable is "
		+ "refused")
class SavedRepliesApi {

	private static final String BASE = "/api/v1/inbox/saved-replies";

	private final SavedReplies saved;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	SavedRepliesApi(SavedReplies saved, WorkspaceContext context, CurrentUser currentUser) {
		this.saved = saved;
		this.context = context;
		this.currentUser = currentUser;
	}

	/** {@code shortcut}: optional; letters, digits, {@code -} and {@code _}, kept in lower case. */
	record SavedReplyBody(@Nullable String name, @Nullable String text, @Nullable String shortcut) {
	}

	record PreviewResource(UUID savedReplyId, UUID conversationId, String text) {
	}

	@Operation(summary = "The workspace's saved replies, by name")
	@GetMapping(BASE)
	Page<SavedReplyView> all() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(saved.all(membership.workspaceId()));
	}

	@Operation(summary = "Save a reply: {\"name\":\"Refund\",\"text\":\"Hi {first_name}, ...\",\"shortcut\":\"refund\"}")
	@PostMapping(BASE)
	ResponseEntity<SavedReplyView> create(@RequestBody SavedReplyBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		SavedReplyView created = saved.create(membership, actor(), draft(body));
		return ResponseEntity.created(URI.create(BASE + "/" + created.id())).body(created);
	}

	@Operation(summary = "One saved reply")
	@GetMapping(BASE + "/{id}")
	SavedReplyView find(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return saved.find(membership.workspaceId(), id);
	}

	@Operation(summary = "Replace a saved reply's name, text and shortcut")
	@PutMapping(BASE + "/{id}")
	SavedReplyView update(@PathVariable UUID id, @RequestBody SavedReplyBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return saved.update(membership, actor(), id, draft(body));
	}

	@Operation(summary = "Delete a saved reply; 409 while an automation rule replies with it")
	@DeleteMapping(BASE + "/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		saved.delete(membership, actor(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The saved reply filled in for the conversation, as you would send it")
	@GetMapping("/api/v1/inbox/conversations/{conversationId}/saved-replies/{id}/preview")
	PreviewResource preview(@PathVariable UUID conversationId, @PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return new PreviewResource(id, conversationId, saved.preview(membership, conversationId, id));
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static SavedReplies.Draft draft(SavedReplyBody body) {
		return new SavedReplies.Draft(body.name(), body.text(), body.shortcut());
	}
}
