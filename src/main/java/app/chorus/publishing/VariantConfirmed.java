package app.chorus.publishing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A person checked a variant whose answer was lost and said it went out: it counts as published, with the address
 * they gave ({@code url} empty when they gave none).
 */
public record VariantConfirmed(WorkspaceId workspaceId, AuditActor actor, PostId postId, UserId author,
		String channelId, String network, String url, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.confirmed-published";
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
		Map<String, String> details = new LinkedHashMap<>();
		details.put("channel", channelId);
		details.put("network", network);
		if (!url.isEmpty()) {
			details.put("url", url);
		}
		return details;
	}
}
