package app.chorus.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Sign-in sessions of a person were ended (reason: signed-out-elsewhere, password-changed, member-removed). */
public record SessionsEnded(UserId user, String email, AuditActor actor, String reason, int count, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "sessions.ended";
	}

	@Override
	public @Nullable WorkspaceId workspaceId() {
		return null;
	}

	@Override
	public @Nullable UserId subject() {
		return user;
	}

	@Override
	public String target() {
		return email;
	}

	@Override
	public AuditActor actor() {
		return actor;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("reason", reason, "count", String.valueOf(count));
	}
}
