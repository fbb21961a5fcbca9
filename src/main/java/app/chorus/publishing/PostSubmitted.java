package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A post was sent for approval; it waits in review. */
public record PostSubmitted(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author, int round, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.submitted";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return "post " + postId;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("round", String.valueOf(round));
	}
}
