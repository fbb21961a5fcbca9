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
 * A conversation was handed to a member by an assignment strategy: {@code round-robin} within a team, or
 * {@code least-loaded} within a team or (when {@code teamId} is {@code null}) the whole workspace. The member is told.
 * (A person choosing the assignee by hand is recorded as {@link ConversationChanged}.)
 * @param previous who had it before; {@code null}: nobody
 */
public record ConversationAssigned(WorkspaceId workspaceId, AuditActor actor, UUID conversationId, UserId assignee,
		@Nullable UserId previous, String strategy, @Nullable UUID teamId, RequestOrigin origin)
		implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.conversation.assigned";
	}

	@Override
	public String target() {
		return "conversation " + conversationId;
	}

	@Override
	public @Nullable UserId subject() {
		return assignee;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("assignee", assignee.toString(), "previous", previous == null ? "" : previous.toString(),
				"strategy", strategy, "team", teamId == null ? "" : teamId.toString());
	}
}
