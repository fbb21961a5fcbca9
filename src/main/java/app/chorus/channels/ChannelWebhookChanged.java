package app.chorus.channels;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A channel's incoming webhook got a new secret ({@code created}: deliveries signed with the old one are refused from
 * now on) or was removed. The secret itself is never in the event.
 */
public record ChannelWebhookChanged(WorkspaceId workspaceId, AuditActor actor, ChannelId channelId, String network,
		String name, boolean created, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return created ? "channel.webhook.created" : "channel.webhook.removed";
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
		return Map.of();
	}
}
