package app.chorus.inbox;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A reply from the inbox went out through the channel's network. */
public record InboxReplySent(WorkspaceId workspaceId, AuditActor actor, UUID replyId, UUID conversationId,
		String channelId, String network, String remoteId, @Nullable String url, RequestOrigin origin)
		implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.reply.sent";
	}

	@Override
	public String target() {
		return "conversation " + conversationId;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("reply", replyId.toString(), "channel", channelId, "network", network, "remoteId", remoteId,
				"url", url == null ? "" : url);
	}
}
