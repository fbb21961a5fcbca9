package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A person became a member (first owner, or an accepted invitation). */
public record MemberJoined(WorkspaceId workspaceId, AuditActor actor, UserId member, String email, Role role, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "member.joined";
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
		return Map.of("role", role.key());
	}
}
