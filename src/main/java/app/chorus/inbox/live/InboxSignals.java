package app.chorus.inbox.live;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import app.chorus.inbox.ConversationChanged;
import app.chorus.inbox.ConversationSlaAlerted;
import app.chorus.inbox.InboxItemsReceived;
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

	/** Every message of the batch is a signal of its own, all sent with one statement. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InboxItemsReceived event) {
		send(event.items().stream().map(item -> new InboxSignal(InboxSignal.ITEM, event.workspaceId().value(),
				item.conversationId(), item.itemId(), event.channelId().value(), item.type(), null, null,
				item.receivedAt())).toList());
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
		send(List.of(signal));
	}

	/** Sends the signals now, in order, with one statement (inside the caller's transaction, if there is one). */
	void send(List<InboxSignal> signals) {
		if (signals.isEmpty()) {
			return;
		}
		jdbc.sql("select count(pg_notify(?, p)) from unnest(cast(? as text[])) as p")
			.params(CHANNEL, signals.stream().map(json::writeValueAsString).toArray(String[]::new))
			.query(Long.class).single();
	}
}
