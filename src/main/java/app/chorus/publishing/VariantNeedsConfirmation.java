package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** The network's answer to a publish was lost; a person must check before anything is resent. */
public record VariantNeedsConfirmation(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author, String channelId, String network, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.needs-confirmation";
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
