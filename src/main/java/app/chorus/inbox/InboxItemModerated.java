package app.chorus.inbox;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A person moderated an inbox item through its channel's network, or tried to: {@code outcome} is {@code done} or
 * {@code failed} (then {@code error} says why).
 * @param action {@code hide}, {@code delete}, {@code block}, {@code mute} or {@code report}
 * @param target what the network acted on: the author's id (block, mute, report) or the post's (hide, delete)
 * @param replyId the reply of ours that was deleted, when the action was on one ({@code itemId} is then the message
 * it answered)
 */
public record InboxItemModerated(WorkspaceId workspaceId, AuditActor actor, UUID moderationId, UUID conversationId,
		UUID itemId, @Nullable UUID replyId, String channelId, String network, String action, String target, String outcome,
		@Nullable String error, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "done".equals(outcome) ? "inbox.item.moderated" : "inbox.item.moderation-failed";
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
		return Map.of("moderation", moderationId.toString(), "item", itemId.toString(), "reply",
				replyId == null ? "" : replyId.toString(), "channel", channelId, "network", network, "action", action,
				"target", target, "outcome", outcome, "error", error == null ? "" : error);
	}
}
