package app.chorus.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * An automation rule matched a new inbox item and acted on it. The actor is the rule, on behalf of the member who last
 * saved it.
 * @param actions each action with its outcome as the rule's run left it ({@code tag: applied},
 * {@code assign: skipped (member-left)}, {@code auto-reply: pending}); a network action's final outcome is on the
 * rule's hit, and an automatic reply is audited as a reply
 */
public record InboxRuleApplied(WorkspaceId workspaceId, AuditActor actor, UUID ruleId, String ruleName, UUID itemId,
		UUID conversationId, List<String> actions, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.rule.applied";
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
		return Map.of("rule", ruleId.toString(), "ruleName", ruleName, "item", itemId.toString(), "actions",
				String.join("; ", actions));
	}
}
