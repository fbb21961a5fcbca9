package app.chorus.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A sign-in was refused (reason: credentials, second-factor, throttled). The user is null when the address has no account. */
public record LoginFailed(@Nullable UserId user, String claimedEmail, String reason, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "login.failed";
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
		return claimedEmail;
	}

	@Override
	public AuditActor actor() {
		return user == null ? AuditActor.anonymous(claimedEmail) : AuditActor.user(user, claimedEmail);
	}

	@Override
	public Map<String, String> details() {
		return Map.of("reason", reason);
	}
}
