package app.chorus.publishing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A channel's posting slots were replaced (or cleared), with the time zone they are read in. */
public record QueueSlotsChanged(WorkspaceId workspaceId, AuditActor actor, String channelId, String channelName,
		String timeZone, int slots, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "queue.slots-changed";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return "channel " + channelName;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("channel", channelId, "timeZone", timeZone, "slots", String.valueOf(slots));
	}
}
