package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Someone was invited to join with a role. */
public record InvitationCreated(WorkspaceId workspaceId, AuditActor actor, String email, Role role, boolean emailed, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "invitation.created";
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
		return Map.of("role", role.key(), "delivery", emailed ? "email" : "link");
	}
}
