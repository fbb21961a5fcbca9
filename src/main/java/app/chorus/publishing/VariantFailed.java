package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A post could not be published on one channel: the network refused it, or every retry failed. */
public record VariantFailed(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author, String channelId, String network, String reason, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.failed";
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
		return Map.of("channel", channelId, "network", network, "reason", reason);
	}
}
