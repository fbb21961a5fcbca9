package app.chorus.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A conversation's SLA clock turned at risk or was breached (once per level and round of the conversation).
 * @param level {@code at-risk} or {@code breached}
 * @param clock which clock: {@code first-response} or {@code resolution}
 * @param dueAt when that clock's target runs (or ran) out
 * @param assignee who has the conversation, {@code null} when nobody does
 */
public record ConversationSlaAlerted(WorkspaceId workspaceId, UUID conversationId, String level, String clock,
		Instant dueAt, @Nullable UserId assignee) {
}
