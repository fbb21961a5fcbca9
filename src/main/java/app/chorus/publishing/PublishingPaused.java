package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Publishing was paused for the whole workspace (the crisis switch): due posts are held, not failed. */
public record PublishingPaused(WorkspaceId workspaceId, AuditActor actor, String reason, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "publishing.paused";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return "publishing";
	}

	@Override
	public Map<String, String> details() {
		return Map.of("reason", reason);
	}
}
