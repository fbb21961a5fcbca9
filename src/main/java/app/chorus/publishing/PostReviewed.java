package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Someone decided a review step of a post: approved it, or asked for changes. */
public record PostReviewed(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author, String decision, int step, String comment, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.reviewed";
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
		return Map.of("decision", decision, "step", String.valueOf(step), "comment", comment);
	}
}
