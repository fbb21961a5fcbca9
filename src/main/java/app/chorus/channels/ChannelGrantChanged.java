package app.chorus.channels;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Who may work with a channel changed (permissions empty: the grant was removed). */
public record ChannelGrantChanged(WorkspaceId workspaceId, AuditActor actor, ChannelId channelId, String network, String name, String grantee, String permissions,
		RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "channel.grant-changed";
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
		return Map.of("grantee", grantee, "permissions", permissions);
	}
}
