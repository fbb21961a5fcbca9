package app.chorus.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.chorus.channels.ChannelId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Messages reached a channel's inbox for the first time (a repeat of one already stored never raises it), stored
 * together in one transaction: a page read from the network, or one webhook delivery. Published once for the whole
 * batch, in the transaction that stored it, so a listener after the commit ({@code @ApplicationModuleListener}) costs
 * one event publication a batch, not one a message.
 * @param items in the order they were stored
 */
public record InboxItemsReceived(WorkspaceId workspaceId, ChannelId channelId, String network, List<Item> items) {

	public InboxItemsReceived {
		items = List.copyOf(items);
	}

	public List<UUID> itemIds() {
		return items.stream().map(Item::itemId).toList();
	}

	/**
	 * One message of the batch.
	 * @param type {@code reply}, {@code mention}, {@code quote}, {@code dm} or {@code comment}
	 * @param createdAt when the network says it was written; {@code receivedAt} when Chorus stored it
	 */
	public record Item(UUID itemId, UUID conversationId, String type, Instant createdAt, Instant receivedAt) {
	}
}
