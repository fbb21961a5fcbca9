package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A copy of an evergreen post was queued: the {@code number}th time it comes round. */
public record PostRecycled(WorkspaceId workspaceId, AuditActor actor, PostId originalId, PostId copyId, int number,
		String scheduledAt, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.recycled";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return "post " + originalId;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("copy", copyId.toString(), "number", String.valueOf(number), "scheduledAt", scheduledAt);
	}
}
