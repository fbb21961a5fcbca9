package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A member was removed (offboarded): their sessions ended and their tokens for the workspace were revoked in the same step. */
public record MemberRemoved(WorkspaceId workspaceId, AuditActor actor, UserId member, String email, int sessionsEnded, int tokensRevoked, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "member.removed";
	}

	@Override
	public @Nullable UserId subject() {
		return member;
	}

	@Override
	public String target() {
		return email;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("sessionsEnded", String.valueOf(sessionsEnded), "tokensRevoked", String.valueOf(tokensRevoked));
	}
}
