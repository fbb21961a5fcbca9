package app.chorus.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A person made a personal API token for one workspace. */
public record ApiTokenCreated(UserId user, String email, WorkspaceId workspace, String tokenName, String scopes, String expiresAt, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "api-token.created";
	}

	@Override
	public @Nullable WorkspaceId workspaceId() {
		return workspace;
	}

	@Override
	public @Nullable UserId subject() {
		return user;
	}

	@Override
	public String target() {
		return tokenName;
	}

	@Override
	public AuditActor actor() {
		return AuditActor.user(user, email);
	}

	@Override
	public Map<String, String> details() {
		return Map.of("scopes", scopes, "expiresAt", expiresAt);
	}
}
