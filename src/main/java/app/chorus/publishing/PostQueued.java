package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A post was put into the next free posting slot of its channels. */
public record PostQueued(WorkspaceId workspaceId, AuditActor actor, PostId postId, String scheduledAt, int channels,
		RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.queued";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return "post " + postId;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("scheduledAt", scheduledAt, "channels", String.valueOf(channels));
	}
}
