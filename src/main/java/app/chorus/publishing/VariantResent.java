package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A person checked a variant whose answer was lost, found it had not gone out, and sent it again (with the same
 * idempotency key, so a network that did receive it answers with the first post).
 */
public record VariantResent(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author,
		String channelId, String network, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.resent";
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
		return Map.of("channel", channelId, "network", network);
	}
}
