package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A campaign was created, changed or archived. */
public record CampaignChanged(WorkspaceId workspaceId, AuditActor actor, String name, String change, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "campaign.changed";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return name;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("change", change);
	}
}
