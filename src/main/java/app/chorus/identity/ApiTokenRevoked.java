package app.chorus.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** An API token stopped working before its expiry (reason: revoked, member-removed). */
public record ApiTokenRevoked(UserId owner, WorkspaceId workspace, String tokenName, AuditActor actor, String reason, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "api-token.revoked";
	}

	@Override
	public @Nullable WorkspaceId workspaceId() {
		return workspace;
	}

	@Override
	public @Nullable UserId subject() {
		return owner;
	}

	@Override
	public String target() {
		return tokenName;
	}

	@Override
	public AuditActor actor() {
		return actor;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("reason", reason);
	}
}
