package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A post stopped being evergreen. {@code reason}: {@code stopped} (a person stopped it), {@code max-times} (recycled
 * as often as asked), {@code ended} (its end date passed), {@code no-channels} (none of its channels is left), or
 * {@code not-allowed} (the person who started it may no longer publish in the workspace).
 */
public record EvergreenStopped(WorkspaceId workspaceId, AuditActor actor, PostId postId, String reason,
		int timesRecycled, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.evergreen-stopped";
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
		return Map.of("reason", reason, "timesRecycled", String.valueOf(timesRecycled));
	}
}
