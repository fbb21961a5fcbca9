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
 * A member corrected the sentiment of an inbox message.
 * @param before the label it had ({@code null} when it had none)
 * @param after the member's label: {@code negative}, {@code neutral} or {@code positive}
 */
public record SentimentCorrected(WorkspaceId workspaceId, AuditActor actor, UUID itemId, UUID conversationId,
		@Nullable String before, String after, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.sentiment.corrected";
	}

	@Override
	public String target() {
		return "inbox item " + itemId;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("conversation", conversationId.toString(), "before", before == null ? "" : before, "after",
				after);
	}
}
