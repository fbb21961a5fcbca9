package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** An invitation was withdrawn before it was used. */
public record InvitationRevoked(WorkspaceId workspaceId, AuditActor actor, String email, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "invitation.revoked";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return email;
	}

	@Override
	public Map<String, String> details() {
		return Map.of();
	}
}
