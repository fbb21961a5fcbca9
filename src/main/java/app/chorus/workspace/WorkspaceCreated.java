package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A workspace was made; its creator is its first owner. */
public record WorkspaceCreated(WorkspaceId workspaceId, AuditActor actor, String name, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "workspace.created";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return name;
	}

	@Override
	public Map<String, String> details() {
		return Map.of();
	}
}
