package app.chorus.inbox.web;

import org.jspecify.annotations.Nullable;

import app.chorus.inbox.internal.InboxService.ConversationView;
import app.chorus.inbox.internal.InboxService.ItemView;

/**
 * One row of the inbox list: a message with where it came from and where its conversation stands; in the list of
 * conversations, the conversation's newest message.
 * @param channelName {@code null} when the channel is no longer connected
 * @param assigneeName {@code null} when nobody has the conversation, or its assignee has left
 * @param messages how many messages the conversation has (counted in the list of conversations only; 1 otherwise)
 */
public record InboxRow(ItemView item, ConversationView conversation, @Nullable String channelName,
		@Nullable String assigneeName, long messages) {

	/** The more urgent of the conversation's SLA clocks: on-track, at-risk, breached, met or missed. */
	public String sla() {
		return conversation.sla().worst().key();
	}

	public boolean urgent() {
		return sla().equals("at-risk") || sla().equals("breached");
	}
}
