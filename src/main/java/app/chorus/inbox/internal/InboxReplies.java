package app.chorus.inbox.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelManagement.ChannelPausedException;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.Replying;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;
import app.chorus.channels.spi.Surface;
import app.chorus.inbox.InboxReplyFailed;
import app.chorus.inbox.InboxReplySent;
import app.chorus.inbox.internal.InboxRecords.ConversationRow;
import app.chorus.inbox.internal.InboxRecords.ItemRow;
import app.chorus.inbox.internal.InboxRecords.ReplyRow;
import app.chorus.inbox.internal.InboxService.ReplyView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;

/**
 * Answers a conversation through the channel's adapter. The reply is stored (status {@code sending}) before the
 * network is called and its outcome after, so its text is never lost: a reply the network did not take stays
 * {@code failed} with the reason, and can be sent again under the same idempotency key.
 */
@Service
public class InboxReplies {

	private static final Logger log = LoggerFactory.getLogger(InboxReplies.class);
	static final int MAX_TEXT = 10_000;

	private final InboxRecords records;
	private final InboxService inbox;
	private final ChannelManagement channels;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboxReplies(InboxRecords records, InboxService inbox, ChannelManagement channels,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.inbox = inbox;
		this.channels = channels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sends {@code text} as the channel's answer to {@code inReplyTo}, or (when {@code null}) to the newest item of
	 * the conversation written by someone other than the channel's account.
	 * @throws ChorusException 404 for a conversation the workspace does not have, 403 when the member may not reply
	 * through its channel, 422 for an empty text or one the network's rules refuse, 502/503 (the reply kept as
	 * failed) when the network failed or could not be reached
	 */
	public ReplyView reply(Membership membership, AuditActor actor, UUID conversationId, @Nullable String text,
			@Nullable UUID inReplyTo) {
		return reply(membership, actor, conversationId, text, inReplyTo, Ids.next());
	}

	/**
	 * {@link #reply(Membership, AuditActor, UUID, String, UUID)} under an id the caller chose (the idempotency key
	 * follows from it), for a caller that may run twice and must check whether its reply exists before sending it.
	 */
	public ReplyView reply(Membership membership, AuditActor actor, UUID conversationId, @Nullable String text,
			@Nullable UUID inReplyTo, UUID id) {
		WorkspaceId workspace = membership.workspaceId();
		ConversationRow conversation = inbox.find(workspace, conversationId);
		ChannelView channel = usableChannel(membership, conversation);
		if (text == null || text.isBlank()) {
			throw ChorusException.invalid("text", "inbox.reply.text.required");
		}
		if (text.length() > MAX_TEXT) {
			throw ChorusException.invalid("text", "inbox.reply.text.too-long", MAX_TEXT);
		}
		ItemRow target = inReplyTo != null
				? inbox.item(workspace, inReplyTo).filter(i -> i.conversationId().equals(conversationId))
					.orElseThrow(() -> ChorusException.invalid("inReplyToItemId", "inbox.reply.item.unknown"))
				: records.newestFromOthers(workspace, conversationId, channel.accountId())
					.orElseThrow(() -> ChorusException.conflict(null, "inbox.reply.nothing-to-answer"));
		PostVariant variant = variant(channel, conversation, target, text);
		List<FieldProblem> problems = channels.rules(workspace, channel.id())
			.map(rules -> rules.check(variant).stream().map(InboxReplies::problem).toList()).orElse(List.of());
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		ReplyRow reply = new ReplyRow(id, workspace, conversationId, target.id(), channel.id(), text, "sending", null,
				null, null, null, membership.userId(), "inbox-reply-" + id, clock.instant(), null, null);
		transactions.executeWithoutResult(s -> records.insert(reply));
		return send(actor, conversation, channel, reply, target, variant);
	}

	/** Sends a failed reply again, with its text, target and idempotency key. */
	public ReplyView retry(Membership membership, AuditActor actor, UUID conversationId, UUID replyId) {
		WorkspaceId workspace = membership.workspaceId();
		ConversationRow conversation = inbox.find(workspace, conversationId);
		ReplyRow reply = records.reply(workspace, replyId).filter(r -> r.conversationId().equals(conversationId))
			.orElseThrow(() -> ChorusException.notFound("reply"));
		ChannelView channel = usableChannel(membership, conversation);
		ItemRow target = inbox.item(workspace, reply.inReplyToItem()).orElseThrow(() -> ChorusException.notFound(
				"item"));
		if (!Boolean.TRUE.equals(transactions.execute(s -> records.claimForRetry(workspace, replyId, clock.instant())))) {
			throw ChorusException.conflict(null, "inbox.reply.not-failed");
		}
		return send(actor, conversation, channel, reply, target, variant(channel, conversation, target,
				reply.text()));
	}

	private ChannelView usableChannel(Membership membership, ConversationRow conversation) {
		ChannelView channel = channels.find(membership.workspaceId(), conversation.channelId())
			.orElseThrow(() -> ChorusException.conflict(null, "inbox.reply.channel-gone"));
		if (!channels.may(membership, channel.id(), ChannelPermission.REPLY)) {
			throw ChorusException.forbidden("inbox.reply.not-allowed");
		}
		return channel;
	}

	/**
	 * The reply as the network takes it. On Mastodon a direct conversation is answered directly (visibility
	 * {@code direct}, which reaches only the accounts the text mentions, so the other person is mentioned when the
	 * text does not name them already).
	 */
	private static PostVariant variant(ChannelView channel, ConversationRow conversation, ItemRow target,
			String text) {
		Surface surface = Surface.primary(channel.network());
		if (channel.network() == NetworkKey.MASTODON && ConversationKey.DM.equals(conversation.kind())) {
			String mention = "@" + target.authorHandle();
			String body = text.contains(mention) ? text : mention + " " + text;
			return new PostVariant(surface, body, List.of(), null, null, null, null, Map.of("visibility", "direct"));
		}
		return PostVariant.text(surface, text);
	}

	private ReplyView send(AuditActor actor, ConversationRow conversation, ChannelView channel, ReplyRow reply,
			ItemRow target, PostVariant variant) {
		WorkspaceId workspace = reply.workspaceId();
		RemotePostRef to = new RemotePostRef(target.postRef() != null ? target.postRef() : target.remoteId(),
				target.postHash(), target.postRootRef(), target.postRootHash());
		PublishResult result;
		boolean paused = false;
		try {
			Replying replying = channels.network(channel).filter(Replying.class::isInstance).map(Replying.class::cast)
				.orElseThrow(() -> new UnsupportedOperationException("no replying adapter"));
			ChannelSession session = channels.session(workspace, channel.id());
			result = replying.reply(session, to, variant, reply.idempotencyKey());
			if (result instanceof PublishResult.SessionExpired) {
				session = channels.renewedSession(workspace, channel.id());
				result = replying.reply(session, to, variant, reply.idempotencyKey());
			}
		}
		catch (ChannelPausedException e) {
			paused = true;
			result = new PublishResult.ReauthorizationRequired("the channel needs re-authorisation");
		}
		catch (ReauthorizationNeeded e) {
			result = new PublishResult.ReauthorizationRequired(String.valueOf(e.getMessage()));
		}
		catch (NetworkUnavailable e) {
			result = e.retryAt().<PublishResult>map(PublishResult.RateLimited::new)
				.orElseGet(() -> new PublishResult.TransientFailure("unavailable: " + e.getMessage()));
		}
		catch (UnsupportedOperationException e) {
			result = new PublishResult.Rejected(List.of());
		}
		catch (RuntimeException e) {
			log.warn("Replying through channel {} failed", channel.id(), e);
			result = new PublishResult.TransientFailure(e.getClass().getSimpleName());
		}
		PublishResult outcome = result;
		boolean channelPaused = paused;
		ChorusException failure = transactions.execute(s -> record(actor, conversation, channel, reply, outcome,
				channelPaused));
		if (failure != null) {
			throw failure;
		}
		return InboxService.view(records.reply(workspace, reply.id()).orElseThrow());
	}

	/** Writes the outcome; answers the error to give the caller, or {@code null} when the reply went out. */
	private @Nullable ChorusException record(AuditActor actor, ConversationRow conversation, ChannelView channel,
			ReplyRow reply, PublishResult result, boolean channelPaused) {
		WorkspaceId workspace = reply.workspaceId();
		Instant now = clock.instant();
		String network = channel.network().key();
		String networkName = channel.network().name().charAt(0) + channel.network().name().substring(1).toLowerCase(
				java.util.Locale.ROOT);
		ChorusException failure = switch (result) {
			case PublishResult.Published p -> {
				sent(actor, conversation, channel, reply, p.post().id(), p.url(), now);
				yield null;
			}
			case PublishResult.Pending p -> {
				sent(actor, conversation, channel, reply, p.remoteId(), null, now);
				yield null;
			}
			case PublishResult.Rejected r -> new ChorusException(r.violations().isEmpty() ? HttpStatus.CONFLICT
					: HttpStatus.UNPROCESSABLE_CONTENT, "inbox.reply.rejected", "text", networkName);
			case PublishResult.RateLimited r -> new ChorusException(HttpStatus.SERVICE_UNAVAILABLE,
					"inbox.reply.rate-limited", null, networkName);
			case PublishResult.ReauthorizationRequired r -> {
				if (!channelPaused) {
					channels.authorizationRefused(workspace, channel.id(), r.reason());
				}
				yield new ChorusException(HttpStatus.CONFLICT, "inbox.reply.channel-needs-reauthorization", null,
						channel.name());
			}
			case PublishResult.SessionExpired e -> new ChorusException(HttpStatus.BAD_GATEWAY,
					"inbox.reply.network-failed", null, networkName);
			case PublishResult.TransientFailure t -> t.reason().startsWith("unavailable: ")
					? new ChorusException(HttpStatus.SERVICE_UNAVAILABLE, "inbox.reply.network-unavailable", null,
							networkName)
					: new ChorusException(HttpStatus.BAD_GATEWAY, "inbox.reply.network-failed", null, networkName);
		};
		if (failure != null) {
			String detail = detail(result);
			records.replyFailed(workspace, reply.id(), failure.messageKey(), detail);
			events.publishEvent(new InboxReplyFailed(workspace, actor, reply.id(), conversation.id(),
					channel.id().toString(), network, failure.messageKey() + ": " + detail, RequestOrigin.current()));
		}
		return failure;
	}

	private void sent(AuditActor actor, ConversationRow conversation, ChannelView channel, ReplyRow reply,
			@Nullable String remoteId, @Nullable String url, Instant now) {
		records.replySent(reply.workspaceId(), reply.id(), remoteId, url, now);
		records.responded(reply.workspaceId(), conversation.id(), now);
		events.publishEvent(new InboxReplySent(reply.workspaceId(), actor, reply.id(), conversation.id(),
				channel.id().toString(), channel.network().key(), remoteId == null ? "" : remoteId, url,
				RequestOrigin.current()));
	}

	private static String detail(PublishResult result) {
		String detail = switch (result) {
			case PublishResult.Rejected r -> String.join("; ", r.violations().stream()
				.map(v -> v.field() + " " + v.rule() + " (" + v.actual() + " / " + v.limit() + ")").toList());
			case PublishResult.RateLimited r -> "rate limited until " + r.retryAt();
			case PublishResult.ReauthorizationRequired r -> r.reason();
			case PublishResult.SessionExpired e -> e.reason();
			case PublishResult.TransientFailure t -> t.reason();
			default -> "";
		};
		return detail.length() > 1000 ? detail.substring(0, 1000) : detail;
	}

	private static FieldProblem problem(RuleViolation violation) {
		return new FieldProblem("text".equals(violation.field()) ? "text" : "text." + violation.field(),
				violation.rule(), violation.networkName(), amount(violation.unit(), violation.actual()),
				amount(violation.unit(), violation.limit()), violation.position().orElse(0));
	}

	private static Object amount(@Nullable String unit, String value) {
		if (unit == null) {
			return value;
		}
		try {
			return new DefaultMessageSourceResolvable(new String[] { unit }, new Object[] { new BigDecimal(value) },
					value);
		}
		catch (NumberFormatException e) {
			return value;
		}
	}
}
