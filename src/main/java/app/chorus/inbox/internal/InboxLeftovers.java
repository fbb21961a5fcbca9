package app.chorus.inbox.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import app.chorus.inbox.InboxItemModerated;
import app.chorus.inbox.InboxReplyFailed;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Settles what a node that stopped mid-call left behind: a reply still {@code sending}, or a moderation action still
 * {@code pending}, {@code chorus.inbox.unconfirmed-after} (10 minutes) after it was handed to the network. Whether the
 * network took it is unknown, so it becomes {@code failed} with the reason {@code inbox.reply.unconfirmed} or
 * {@code inbox.moderation.unconfirmed}, which asks the person to look before trying again; it is audited (by the
 * system) and reaches the live inbox like any failure. Nothing is sent again on its own. Runs as the db-scheduler
 * recurring task {@value #NAME}, on one node at a time.
 */
@Component
public class InboxLeftovers {

	static final String NAME = "settle-inbox-leftovers";
	static final String REPLY_KEY = "inbox.reply.unconfirmed";
	static final String MODERATION_KEY = "inbox.moderation.unconfirmed";
	private static final String DETAIL = "Chorus stopped while the network was being asked; whether it was done is "
			+ "unknown";
	private static final Logger log = LoggerFactory.getLogger(InboxLeftovers.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration after;

	InboxLeftovers(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${chorus.inbox.unconfirmed-after:PT10M}") Duration after) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.after = after;
	}

	@Bean
	static RecurringTask<Void> settleInboxLeftoversTask(@Lazy InboxLeftovers leftovers,
			@Value("${chorus.inbox.leftover-interval:PT1M}") Duration interval) {
		return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> leftovers.settle());
	}

	/** @return how many replies and actions were settled */
	public int settle() {
		Timestamp before = Timestamp.from(clock.instant().minus(after));
		Integer settled = transactions.execute(s -> replies(before) + moderation(before));
		return settled == null ? 0 : settled;
	}

	private int replies(Timestamp before) {
		return jdbc.sql("""
				update inbox.replies r set status = 'failed', error_key = :key, error_detail = :detail
				from inbox.conversations c
				where c.id = r.conversation_id and r.status = 'sending' and r.sending_since < :before
				returning r.id, r.workspace_id, r.conversation_id, r.channel_id, c.network""")
			.param("key", REPLY_KEY).param("detail", DETAIL).param("before", before)
			.query((rs, n) -> {
				UUID reply = rs.getObject(1, UUID.class);
				log.warn("Reply {} was still being sent long after it was handed to the network; settled as failed "
						+ "and unconfirmed", reply);
				events.publishEvent(new InboxReplyFailed(new WorkspaceId(rs.getObject(2, UUID.class)),
						AuditActor.system(), reply, rs.getObject(3, UUID.class), rs.getObject(4, UUID.class).toString(),
						rs.getString(5), REPLY_KEY, RequestOrigin.internal()));
				return reply;
			})
			.list().size();
	}

	private int moderation(Timestamp before) {
		return jdbc.sql("""
				update inbox.moderation_actions m set outcome = 'failed', error_key = :key, error = :detail
				from inbox.conversations c
				where c.id = m.conversation_id and m.outcome = 'pending' and m.taken_at < :before
				returning m.id, m.workspace_id, m.conversation_id, m.item_id, m.channel_id, c.network, m.action,
				    m.target, m.reply_id""")
			.param("key", MODERATION_KEY).param("detail", DETAIL).param("before", before)
			.query((rs, n) -> {
				UUID action = rs.getObject(1, UUID.class);
				log.warn("Moderation action {} was still pending long after it was handed to the network; settled "
						+ "as failed and unconfirmed", action);
				events.publishEvent(new InboxItemModerated(new WorkspaceId(rs.getObject(2, UUID.class)),
						AuditActor.system(), action, rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
						rs.getObject(9, UUID.class), rs.getObject(5, UUID.class).toString(), rs.getString(6), rs.getString(7), rs.getString(8),
						"failed", DETAIL, RequestOrigin.internal()));
				return action;
			})
			.list().size();
	}
}
