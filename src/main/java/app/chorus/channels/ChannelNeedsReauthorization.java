package app.chorus.channels;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** The network refused a channel's credentials repeatedly; its work is paused until someone connects it again. */
public record ChannelNeedsReauthorization(WorkspaceId workspaceId, AuditActor actor, ChannelId channelId, String network, String name, String reason, int failures,
		RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "channel.needs-reauthorization";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return network + ": " + name;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("reason", reason, "failures", String.valueOf(failures));
	}
}
