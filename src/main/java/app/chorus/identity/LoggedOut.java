package app.chorus.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A person signed out. */
public record LoggedOut(UserId user, String email, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "logout";
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
		return AuditActor.user(user, email);
	}

	@Override
	public Map<String, String> details() {
		return Map.of();
	}
}
