package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Who must approve posts changed, for the workspace or one channel. */
public record ApprovalPolicyChanged(WorkspaceId workspaceId, AuditActor actor, String scope, String steps, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "approval-policy.changed";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return scope;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("steps", steps);
	}
}
