package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Publishing was resumed; held posts were published now, rescheduled or kept held as chosen. */
public record PublishingResumed(WorkspaceId workspaceId, AuditActor actor, String choice, int released, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "publishing.resumed";
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
		return Map.of("choice", choice, "released", String.valueOf(released));
	}
}
