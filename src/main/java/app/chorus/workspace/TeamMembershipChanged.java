package app.chorus.workspace;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A member joined or left a team. */
public record TeamMembershipChanged(WorkspaceId workspaceId, AuditActor actor, String name, UserId member, String email, boolean added, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "team.membership-changed";
	}

	@Override
	public @Nullable UserId subject() {
		return member;
	}

	@Override
	public String target() {
		return name;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("member", email, "change", added ? "added" : "removed");
	}
}
