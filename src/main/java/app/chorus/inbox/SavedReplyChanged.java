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
 * A member created, changed or deleted a saved reply.
 * @param change {@code created}, {@code updated} or {@code deleted}
 */
public record SavedReplyChanged(WorkspaceId workspaceId, AuditActor actor, UUID savedReplyId, String name,
		String change, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.saved-reply." + change;
	}

	@Override
	public String target() {
		return "saved reply " + name;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("savedReply", savedReplyId.toString());
	}
}
