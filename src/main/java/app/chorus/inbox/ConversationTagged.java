package app.chorus.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A person replaced a conversation's tags; {@code tags} are the ones it has afterwards. */
public record ConversationTagged(WorkspaceId workspaceId, AuditActor actor, UUID conversationId, List<String> tags,
		RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.conversation.tagged";
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
		return Map.of("tags", String.join(", ", tags));
	}
}
