package app.chorus.inbox;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A person changed a conversation's status, priority or assignee. {@code assignee} is the one assigned afterwards
 * ({@code null}: nobody).
 */
public record ConversationChanged(WorkspaceId workspaceId, AuditActor actor, UUID conversationId, String status,
		String priority, @Nullable UserId assignee, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.conversation.changed";
	}

	@Override
	public String target() {
		return "conversation " + conversationId;
	}

	@Override
	public @Nullable UserId subject() {
		return assignee;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("status", status, "priority", priority, "assignee",
				assignee == null ? "" : assignee.toString());
	}
}
