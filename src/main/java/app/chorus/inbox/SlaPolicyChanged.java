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
 * A member set or removed the workspace's SLA policy or a team's.
 * @param teamId the team's, {@code null} for the workspace's own
 * @param change {@code updated} or {@code removed}
 * @param policy the targets and hours afterwards, in words (empty when removed)
 */
public record SlaPolicyChanged(WorkspaceId workspaceId, AuditActor actor, @Nullable UUID teamId, String change,
		String policy, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "inbox.sla-policy." + change;
	}

	@Override
	public String target() {
		return teamId == null ? "workspace SLA policy" : "team SLA policy " + teamId;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		return teamId == null ? Map.of("policy", policy) : Map.of("team", teamId.toString(), "policy", policy);
	}
}
