package app.chorus.channels;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Someone became, or stopped being, an owner of a channel. */
public record ChannelOwnersChanged(WorkspaceId workspaceId, AuditActor actor, ChannelId channelId, String network, String name, String owner, boolean added,
		RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "channel.owners-changed";
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
		return Map.of("owner", owner, "change", added ? "added" : "removed");
	}
}
