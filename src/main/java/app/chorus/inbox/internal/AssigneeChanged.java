package app.chorus.inbox.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A conversation has a new assignee, however it came to them (by hand, in bulk, by a strategy): the signal to tell
 * them. The audit trail hears of it through {@link app.chorus.inbox.ConversationChanged} or
 * {@link app.chorus.inbox.ConversationAssigned}.
 * @param assignedBy the person who assigned it; {@code null} when Chorus did (a rule)
 */
public record AssigneeChanged(WorkspaceId workspaceId, UUID conversationId, UserId assignee,
		@Nullable UserId assignedBy) {
}
