package app.chorus.inbox;

import java.util.List;
import java.util.UUID;

import app.chorus.channels.ChannelId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Messages reached a channel's inbox for the first time, stored together in one transaction (a page read from the
 * network, or one webhook delivery), in the order they were stored. Published once for the whole batch, so work done
 * after the commit ({@code @ApplicationModuleListener}) costs one event publication a batch, not one a message; each
 * message is also announced on its own by {@link InboxItemReceived}, for listeners that act inside the storing
 * transaction.
 */
public record InboxItemsReceived(WorkspaceId workspaceId, ChannelId channelId, List<UUID> itemIds) {

	public InboxItemsReceived {
		itemIds = List.copyOf(itemIds);
	}
}
