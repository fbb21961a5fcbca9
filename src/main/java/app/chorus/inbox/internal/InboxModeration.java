package app.chorus.inbox.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelManagement.ChannelPausedException;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.AccessTokenExpired;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.Moderating;
import app.chorus.channels.spi.Moderating.Action;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;
import app.chorus.inbox.InboxItemModerated;
import app.chorus.inbox.internal.InboxRecords.ConversationRow;
import app.chorus.inbox.internal.InboxRecords.ItemRow;
import app.chorus.inbox.internal.InboxService.ReplyView;
import app.chorus.inbox.internal.InboxService.ModerationView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;

/**
 * Moderation from the inbox through the channel's network: block, mute or report an item's author, hide or delete its
 * post, as far as the network's adapter offers ({@link Moderating#actions()}). Deleting reaches only the channel's own
 * posts, since that is all the adapters' delete can remove; hiding and the author actions are offered on other
 * people's messages. Every action is written as {@code pending} before the network is asked and settled as
 * {@code done} or {@code failed} after, so nothing asked for is lost; a failed one can be tried again.
 */
@Service
public class InboxModeration {

	private static final Logger log = LoggerFactory.getLogger(InboxModeration.class);
	static final int MAX_NOTE = 1_000;
	private static final Set<Action> ON_AUTHORS = EnumSet.of(Action.BLOCK, Action.MUTE, Action.REPORT);

	private final ModerationRecords moderation;
	private final InboxService inbox;
	private final ChannelManagement channels;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboxModeration(ModerationRecords moderation, InboxService inbox, ChannelManagement channels,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.moderation = moderation;
		this.inbox = inbox;
		this.channels = channels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** The actions one item of the conversation can take. */
	public record ItemActions(UUID itemId, List<String> actions) {
	}

	/**
	 * What the conversation's channel offers: {@code offered}, the network's actions; {@code allowed}, whether the
	 * member may moderate through the channel; per item, the actions that apply to it; and what was taken so far.
	 */
	public record Options(String network, List<String> offered, boolean allowed, List<ItemActions> items,
			List<ModerationView> taken, boolean repliesDeletable) {
	}

	public Options options(Membership membership, UUID conversationId) {
		WorkspaceId workspace = membership.workspaceId();
		ConversationRow conversation = inbox.find(workspace, conversationId);
		Optional<ChannelView> channel = channels.find(workspace, conversation.channelId());
		Set<Action> offered = channel.map(this::offered).orElse(Set.of());
		List<ItemActions> items = channel.isEmpty() ? List.of()
				: inbox.conversation(workspace, conversationId).items().stream()
					.map(item -> new ItemActions(item.id(),
							keys(applicable(offered, channel.get(), item.author().id(), item.type()))))
					.toList();
		boolean allowed = channel.isPresent()
				&& channels.may(membership, channel.get().id(), ChannelPermission.REPLY);
		return new Options(conversation.network(), keys(offered), allowed, items,
				moderation.of(workspace, conversationId), offered.contains(Action.DELETE));
	}

	/**
	 * Takes the action on the item through the channel's network, and records it with who took it; or, given
	 * {@code replyId}, deletes that reply of ours from the network (the only action a reply takes).
	 * @param note why; sent with a report, kept with any action
	 * @throws ChorusException 404 for a conversation the workspace does not have; 403 when the member may not act
	 * through its channel; 422 naming {@code action} when it is unknown or not offered for the item, {@code itemId}
	 * for an item not in the conversation, {@code replyId} for a reply that is not in it, was not sent or is deleted
	 * already, {@code note} when it is too long; 409 when the channel needs to be connected again; 503 when the
	 * network cannot be reached; 502 when it refused or failed (the last three recorded as failed)
	 */
	public ModerationView moderate(Membership membership, AuditActor actor, UUID conversationId,
			@Nullable String actionKey, @Nullable UUID itemId, @Nullable UUID replyId, @Nullable String note) {
		WorkspaceId workspace = membership.workspaceId();
		ConversationRow conversation = inbox.find(workspace, conversationId);
		Action action = action(actionKey);
		if (replyId != null) {
			return deleteReply(membership, actor, conversation, action, replyId, note);
		}
		ItemRow item = Optional.ofNullable(itemId).flatMap(id -> inbox.item(workspace, id))
			.filter(i -> i.conversationId().equals(conversationId))
			.orElseThrow(() -> ChorusException.invalid("itemId", "inbox.moderation.item.unknown"));
		String kept = kept(note);
		ChannelView channel = usableChannel(membership, conversation);
		Set<Action> applicable = applicable(offered(channel), channel, item.authorId(), item.type());
		if (!applicable.contains(action)) {
			throw applicable.isEmpty()
					? ChorusException.invalid("action", "inbox.moderation.action.none-offered", name(channel))
					: ChorusException.invalid("action", "inbox.moderation.action.not-offered", key(action),
							name(channel), String.join(", ", keys(applicable)));
		}
		UUID id = Ids.next();
		String target = ON_AUTHORS.contains(action) ? item.authorId()
				: item.postRef() != null ? item.postRef() : item.remoteId();
		transactions.executeWithoutResult(s -> moderation.begin(workspace, id, conversationId, item.id(), null,
				channel.id(), key(action), target, kept, membership.userId(), clock.instant()));
		return take(actor, channel, moderation.find(workspace, id).orElseThrow());
	}

	/** The note as kept (stripped; null when blank). */
	private static @Nullable String kept(@Nullable String note) {
		String kept = note == null || note.isBlank() ? null : note.strip();
		if (kept != null && kept.length() > MAX_NOTE) {
			throw ChorusException.invalid("note", "inbox.moderation.note.too-long", MAX_NOTE);
		}
		return kept;
	}

	/** Deletes a sent reply of ours from the network, recorded against the message it answered. */
	private ModerationView deleteReply(Membership membership, AuditActor actor, ConversationRow conversation,
			Action action, UUID replyId, @Nullable String note) {
		WorkspaceId workspace = membership.workspaceId();
		ReplyView reply = inbox.reply(workspace, replyId)
			.filter(r -> r.conversationId().equals(conversation.id()) && "sent".equals(r.status())
					&& r.remoteId() != null && r.deletedAt() == null)
			.orElseThrow(() -> ChorusException.invalid("replyId", "inbox.moderation.reply.not-deletable"));
		ChannelView channel = usableChannel(membership, conversation);
		if (action != Action.DELETE || !offered(channel).contains(Action.DELETE)) {
			throw ChorusException.invalid("action", "inbox.moderation.reply.delete-only", name(channel));
		}
		String kept = kept(note);
		UUID id = Ids.next();
		String target = Objects.requireNonNull(reply.remoteId());
		transactions.executeWithoutResult(s -> moderation.begin(workspace, id, conversation.id(),
				reply.inReplyToItemId(), reply.id(), channel.id(), key(action), target, kept, membership.userId(),
				clock.instant()));
		return take(actor, channel, moderation.find(workspace, id).orElseThrow());
	}

	/** Takes a failed action again, as the member, now. */
	public ModerationView retry(Membership membership, AuditActor actor, UUID conversationId, UUID moderationId) {
		WorkspaceId workspace = membership.workspaceId();
		ConversationRow conversation = inbox.find(workspace, conversationId);
		ModerationView taken = moderation.find(workspace, moderationId)
			.filter(m -> m.conversationId().equals(conversationId))
			.orElseThrow(() -> ChorusException.notFound("moderation"));
		ChannelView channel = usableChannel(membership, conversation);
		if (!Boolean.TRUE.equals(transactions.execute(
				s -> moderation.claimForRetry(workspace, moderationId, membership.userId(), clock.instant())))) {
			throw ChorusException.conflict("id", "inbox.moderation.not-failed");
		}
		return take(actor, channel, moderation.find(workspace, taken.id()).orElseThrow());
	}

	private ModerationView take(AuditActor actor, ChannelView channel, ModerationView taken) {
		WorkspaceId workspace = channel.workspaceId();
		Action action = Action.valueOf(taken.action().toUpperCase(Locale.ROOT));
		ChorusException failure;
		String detail = null;
		boolean refusedCredentials = false;
		try {
			Moderating network = moderating(channel).orElseThrow(
					() -> new UnsupportedOperationException("no moderating adapter"));
			ChannelSession session = channels.session(workspace, channel.id());
			try {
				network.moderate(session, action, taken.target(), taken.note());
			}
			catch (AccessTokenExpired e) {
				network.moderate(channels.renewedSession(workspace, channel.id()), action, taken.target(),
						taken.note());
			}
			failure = null;
		}
		catch (ChannelPausedException e) {
			detail = "the channel needs re-authorisation";
			failure = new ChorusException(HttpStatus.CONFLICT, "inbox.moderation.channel-needs-reauthorization", null,
					channel.name());
		}
		catch (ReauthorizationNeeded e) {
			refusedCredentials = true;
			detail = String.valueOf(e.getMessage());
			failure = new ChorusException(HttpStatus.CONFLICT, "inbox.moderation.channel-needs-reauthorization", null,
					channel.name());
		}
		catch (NetworkUnavailable e) {
			detail = "unavailable: " + e.getMessage();
			failure = new ChorusException(HttpStatus.SERVICE_UNAVAILABLE, "inbox.moderation.network-unavailable",
					null, name(channel));
		}
		catch (UnsupportedOperationException e) {
			detail = String.valueOf(e.getMessage());
			failure = ChorusException.invalid("action", "inbox.moderation.action.none-offered", name(channel));
		}
		catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
			detail = String.valueOf(e.getMessage());
			failure = new ChorusException(HttpStatus.BAD_GATEWAY, "inbox.moderation.refused", null, name(channel));
		}
		catch (RuntimeException e) {
			log.warn("Moderating through channel {} failed", channel.id(), e);
			detail = e.getClass().getSimpleName();
			failure = new ChorusException(HttpStatus.BAD_GATEWAY, "inbox.moderation.network-failed", null,
					name(channel));
		}
		String error = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
		ChorusException outcome = failure;
		boolean countRefusal = refusedCredentials;
		transactions.executeWithoutResult(s -> {
			if (countRefusal) {
				channels.authorizationRefused(workspace, channel.id(), String.valueOf(error));
			}
			moderation.settle(workspace, taken.id(), outcome == null ? "done" : "failed",
					outcome == null ? null : outcome.messageKey(), error);
			if (outcome == null && taken.replyId() != null) {
				moderation.replyDeleted(workspace, taken.replyId(), clock.instant());
			}
			events.publishEvent(new InboxItemModerated(workspace, actor, taken.id(), taken.conversationId(),
					taken.itemId(), taken.replyId(), channel.id().toString(), channel.network().key(), taken.action(),
					taken.target(), outcome == null ? "done" : "failed", error, RequestOrigin.current()));
		});
		if (failure != null) {
			throw failure;
		}
		return moderation.find(workspace, taken.id()).orElseThrow();
	}

	private ChannelView usableChannel(Membership membership, ConversationRow conversation) {
		ChannelView channel = channels.find(membership.workspaceId(), conversation.channelId())
			.orElseThrow(() -> ChorusException.conflict(null, "inbox.moderation.channel-gone"));
		if (!channels.may(membership, channel.id(), ChannelPermission.REPLY)) {
			throw ChorusException.forbidden("inbox.moderation.not-allowed");
		}
		return channel;
	}

	private Optional<Moderating> moderating(ChannelView channel) {
		return channels.network(channel).filter(Moderating.class::isInstance).map(Moderating.class::cast);
	}

	private Set<Action> offered(ChannelView channel) {
		return moderating(channel).map(Moderating::actions).map(EnumSet::copyOf).orElse(EnumSet.noneOf(Action.class));
	}

	/** Networks hide only what is written under the account's posts: replies and comments. */
	public static boolean canBeHidden(String type) {
		return "reply".equals(type) || "comment".equals(type);
	}

	/**
	 * The channel's own message can only be deleted; someone else's can be hidden when it answers us (a reply or a
	 * comment: networks hide only what is written under the account's posts), and its author blocked, muted or
	 * reported, where the network offers it.
	 */
	private static Set<Action> applicable(Set<Action> offered, ChannelView channel, String authorId, String type) {
		Set<Action> applicable = EnumSet.noneOf(Action.class);
		boolean own = authorId.equals(channel.accountId());
		for (Action action : offered) {
			if (action == Action.HIDE && !canBeHidden(type)) {
				continue;
			}
			if (own == (action == Action.DELETE)) {
				applicable.add(action);
			}
		}
		return applicable;
	}

	private static Action action(@Nullable String key) {
		return Arrays.stream(Action.values()).filter(a -> key(a).equals(key)).findFirst()
			.orElseThrow(() -> ChorusException.invalid("action", "inbox.moderation.action.unknown",
					Arrays.stream(Action.values()).map(InboxModeration::key).collect(Collectors.joining(", "))));
	}

	static String key(Action action) {
		return action.name().toLowerCase(Locale.ROOT);
	}

	private static List<String> keys(Set<Action> actions) {
		return actions.stream().sorted().map(InboxModeration::key).toList();
	}

	private static String name(ChannelView channel) {
		String network = channel.network().name();
		return network.charAt(0) + network.substring(1).toLowerCase(Locale.ROOT);
	}
}
