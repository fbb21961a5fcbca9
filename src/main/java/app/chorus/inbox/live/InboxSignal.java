package app.chorus.inbox.live;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One change a live inbox shows, as it travels between nodes and to clients (JSON). Carries ids, not content: a client
 * reads what it needs through the API, so nothing a member may not read travels here.
 * @param kind {@code item} (a new message), {@code conversation} (status, priority, assignee, tags changed),
 * {@code reply} (ours went out or failed), {@code presence} (someone opened, is answering or left a conversation),
 * {@code sla} (a clock of the conversation turned at risk or was breached)
 * @param state for presence: {@code viewing}, {@code typing} or {@code left}; for a conversation its status; for a
 * reply {@code sent} or {@code failed}; for SLA {@code at-risk} or {@code breached}
 * @param userId for presence, who; for a conversation or SLA, its assignee
 * @param name for presence, who, as other members see them; for SLA the clock, {@code first-response} or
 * {@code resolution}
 */
public record InboxSignal(String kind, UUID workspaceId, @Nullable UUID conversationId, @Nullable UUID itemId,
		@Nullable UUID channelId, @Nullable String state, @Nullable UUID userId, @Nullable String name, Instant at) {

	static final String ITEM = "item";
	static final String CONVERSATION = "conversation";
	static final String REPLY = "reply";
	static final String PRESENCE = "presence";
	static final String SLA = "sla";
}
