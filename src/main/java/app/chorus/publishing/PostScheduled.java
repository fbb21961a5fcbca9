package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A post was scheduled (or sent to publish at once) on its channels. */
public record PostScheduled(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author, String scheduledAt, int channels, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.scheduled";
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
