package app.chorus.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A member wrote an internal note on a conversation. {@code mentioned}: the members it mentions, each once, never the
 * author; they are told about it.
 */
public record InboxNoteAdded(WorkspaceId workspaceId, AuditActor actor, UUID noteId, UUID conversationId,
		UserId author, List<UserId> mentioned, RequestOrigin origin) implements AuditableEvent {

	public InboxNoteAdded {
		mentioned = List.copyOf(mentioned);
	}

	@Override
	public String action() {
		return "inbox.note.added";
	}

	@Override
	public String target() {
		return "conversation " + conversationId;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("note", noteId.toString(), "mentioned",
				mentioned.stream().map(UserId::toString).collect(Collectors.joining(",")));
	}
}
