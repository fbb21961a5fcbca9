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
 * A member created, changed, deleted or moved an inbox automation rule.
 * @param change {@code created}, {@code updated}, {@code deleted} or {@code reordered}
 * @param definition the rule's conditions and actions afterwards, as JSON (empty when deleted or only moved)
 */
public record InboxRuleChanged(WorkspaceId workspaceId, AuditActor actor, UUID ruleId, String name, String change,
		int position, String definition, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.rule." + change;
	}

	@Override
	public String target() {
		return "inbox rule " + name;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("rule", ruleId.toString(), "position", String.valueOf(position), "definition", definition);
	}
}
