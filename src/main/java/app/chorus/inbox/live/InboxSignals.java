package app.chorus.inbox.live;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import app.chorus.inbox.ConversationChanged;
import app.chorus.inbox.ConversationSlaAlerted;
import app.chorus.inbox.InboxItemReceived;
import app.chorus.inbox.InboxReplyFailed;
import app.chorus.inbox.InboxReplySent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the inbox's events into {@code NOTIFY} signals on the channel every node listens to. They are sent inside the
 * transaction that made the change (just before it commits), so PostgreSQL delivers them exactly when the change is
 * visible, and never for a change that rolled back.
 */
@Component
class InboxSignals {

	static final String CHANNEL = "chorus_inbox";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;

	InboxSignals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = JsonMapper.builder().build();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InboxItemReceived event) {
		send(new InboxSignal(InboxSignal.ITEM, event.workspaceId().value(), event.conversationId(), event.itemId(),
				event.channelId().value(), event.type(), null, null, event.receivedAt()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ConversationChanged event) {
		send(new InboxSignal(InboxSignal.CONVERSATION, event.workspaceId().value(), event.conversationId(), null, null,
				event.status(), event.assignee() == null ? null : event.assignee().value(), null,
				clock.instant()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InboxReplySent event) {
		send(new InboxSignal(InboxSignal.REPLY, event.workspaceId().value(), event.conversationId(), null, null, "sent",
				null, null, clock.instant()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InboxReplyFailed event) {
		send(new InboxSignal(InboxSignal.REPLY, event.workspaceId().value(), event.conversationId(), null, null,
				"failed", null, null, clock.instant()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ConversationSlaAlerted event) {
		send(new InboxSignal(InboxSignal.SLA, event.workspaceId().value(), event.conversationId(), null, null,
				event.level(), event.assignee() == null ? null : event.assignee().value(), event.clock(),
				clock.instant()));
	}

	/** Sends a signal now (inside the caller's transaction, if there is one). */
	void send(InboxSignal signal) {
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, json.writeValueAsString(signal)).query(Object.class)
			.optional();
	}
}
