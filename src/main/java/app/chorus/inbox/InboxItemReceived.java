package app.chorus.inbox;

import java.time.Instant;
import java.util.UUID;

import app.chorus.channels.ChannelId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * A message reached the inbox for the first time (a repeat of one already stored never raises it). Published in the
 * transaction that stored it. Meant for listeners that act inside that transaction (before it commits, as the live
 * inbox's signal does); work after the commit listens to {@link InboxItemsReceived}, one event for every batch stored.
 * @param type {@code reply}, {@code mention}, {@code quote}, {@code dm} or {@code comment}
 * @param createdAt when the network says it was written; {@code receivedAt} when Chorus stored it
 */
public record InboxItemReceived(WorkspaceId workspaceId, UUID itemId, UUID conversationId, ChannelId channelId,
		String network, String type, Instant createdAt, Instant receivedAt) {
}
