package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A workspace setting changed (name, time zone, two-factor requirement). */
public record WorkspaceSettingsChanged(WorkspaceId workspaceId, AuditActor actor, String setting, String oldValue, String newValue, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "workspace.settings-changed";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return setting;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("from", oldValue, "to", newValue);
	}
}
