package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A member's role changed. */
public record MemberRoleChanged(WorkspaceId workspaceId, AuditActor actor, UserId member, String email, Role from, Role to, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "member.role-changed";
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
		return Map.of("from", from.key(), "to", to.key());
	}
}
