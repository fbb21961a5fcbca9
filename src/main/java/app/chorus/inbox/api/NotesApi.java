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
import app.chorus.inbox.internal.InboxNotes;
import app.chorus.inbox.internal.InboxService.NoteView;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The team's internal notes on a conversation. */
@RestController
@RequestMapping("/api/v1/inbox/conversations/{id}/notes")
@Tag(name = "Inbox notes", description = "Internal notes on conversations, never sent to the network; @mentions tell "
		+ "the members mentioned")
class NotesApi {

	private final InboxNotes notes;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	NotesApi(InboxNotes notes, WorkspaceContext context, CurrentUser currentUser) {
		this.notes = notes;
		this.context = context;
		this.currentUser = currentUser;
	}

	record NoteBody(@Nullable String text) {
	}

	record NoteResource(UUID id, UUID conversationId, UUID authorId, String text, List<UUID> mentioned,
			Instant createdAt) {
	}

	@Operation(summary = "The conversation's notes, oldest first")
	@GetMapping
	Page<NoteResource> notes(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(notes.notes(membership.workspaceId(), id).stream().map(NotesApi::resource).toList());
	}

	@Operation(summary = "One note")
	@GetMapping("/{noteId}")
	NoteResource note(@PathVariable UUID id, @PathVariable UUID noteId) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(notes.note(membership.workspaceId(), id, noteId));
	}

	@Operation(summary = "Add a note; @name (a member's e-mail address before the @) or @name@domain (the whole "
			+ "address) mentions a member, who is told in Chorus and by e-mail. Notes are not edited afterwards")
	@PostMapping
	ResponseEntity<NoteResource> add(@PathVariable UUID id, @RequestBody NoteBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		NoteView note = notes.add(membership, Callers.actor(currentUser), id, body.text());
		return ResponseEntity.created(URI.create("/api/v1/inbox/conversations/" + id + "/notes/" + note.id()))
			.body(resource(note));
	}

	static NoteResource resource(NoteView n) {
		return new NoteResource(n.id(), n.conversationId(), n.authorId(), n.text(), n.mentioned(), n.createdAt());
	}
}
