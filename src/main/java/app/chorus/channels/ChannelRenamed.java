package app.chorus.channels;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A channel got a new name in Chorus. */
public record ChannelRenamed(WorkspaceId workspaceId, AuditActor actor, ChannelId channelId, String network, String name, String previousName,
		RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "channel.renamed";
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
		return Map.of("from", previousName);
	}
}
