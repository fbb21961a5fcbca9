package app.chorus.inbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.inbox.ConversationChanged;
import app.chorus.inbox.ConversationTagged;
import app.chorus.inbox.SentimentCorrected;
import app.chorus.inbox.internal.InboxRecords.ConversationFilter;
import app.chorus.inbox.internal.InboxRecords.ConversationRow;
import app.chorus.inbox.internal.InboxRecords.ItemFilter;
import app.chorus.inbox.internal.InboxRecords.ItemRow;
import app.chorus.inbox.internal.InboxRecords.ReplyRow;
import app.chorus.inbox.internal.IngestionStates.StateRow;
import app.chorus.inbox.sla.SlaClock;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceManagement;

/** Reading the inbox and sorting it: items, conversations, their status and assignee, and each channel's ingestion. */
@Service
public class InboxService {

	public static final Set<String> TYPES = Set.of("reply", "mention", "quote", "dm", "comment");
	public static final Set<String> STATUSES = Set.of("new", "open", "pending", "resolved");
	public static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
	/** A conversation shows at most this many items (its oldest). */
	static final int CONVERSATION_ITEMS = 500;

	private final SearchIndex searchIndex;
	private final InboxRecords records;
	private final ModerationRecords moderation;
	private final NoteRecords notes;
	private final AgentRecords agents;
	private final IngestionStates states;
	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SlaPolicies slas;

	InboxService(InboxRecords records, ModerationRecords moderation, NoteRecords notes, AgentRecords agents,
			IngestionStates states, ChannelManagement channels, WorkspaceManagement workspaces,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, SlaPolicies slas,
			SearchIndex searchIndex) {
		this.slas = slas;
		this.searchIndex = searchIndex;
		this.records = records;
		this.moderation = moderation;
		this.notes = notes;
		this.agents = agents;
		this.states = states;
		this.channels = channels;
		this.workspaces = workspaces;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	public record Author(String id, String handle, @Nullable String displayName) {
	}

	/** One message, as stored; language and sentiment are {@code null} until classified. */
	public record ItemView(UUID id, UUID conversationId, UUID channelId, String network, String type, String text,
			Author author, @Nullable String language, @Nullable String sentimentLabel, @Nullable Double sentimentScore,
			Instant createdAt, Instant receivedAt, String url, @Nullable SentimentCorrection correction) {
	}

	/**
	 * A person's correction of the sentiment: who, when, and what the analysis had said ({@code sentimentLabel} of the
	 * item is then the person's).
	 */
	public record SentimentCorrection(UUID by, Instant at, @Nullable String analysed) {
	}

	public record ReplyView(UUID id, UUID conversationId, UUID inReplyToItemId, String text, String status,
			@Nullable String remoteId, @Nullable String url, @Nullable String errorKey, @Nullable String errorDetail,
			UUID authorId, Instant createdAt, @Nullable Instant sentAt, @Nullable Instant deletedAt) {
	}

	/**
	 * A conversation with its SLA clocks read now ({@code sla}); {@code teamId} is the team handling it, whose SLA
	 * policy applies.
	 */
	public record ConversationView(UUID id, UUID channelId, String network, String kind, String status,
			String priority, @Nullable UUID assigneeId, Instant createdAt, Instant lastActivityAt,
			@Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, List<String> tags, @Nullable UUID teamId,
			SlaClock.Readings sla) {
	}

	/**
	 * The conversation with its items, our replies, the team's notes and the moderation taken on its items, each
	 * oldest first.
	 */
	public record ConversationDetail(ConversationView conversation, List<ItemView> items, List<ReplyView> replies,
			List<NoteView> notes, List<ModerationView> moderation) {
	}

	/** An internal note; {@code mentioned}: the members it mentions. */
	public record NoteView(UUID id, UUID conversationId, UUID authorId, String text, List<UUID> mentioned,
			Instant createdAt) {
	}

	/**
	 * A moderation action taken on an item of the conversation, by {@code takenBy}; {@code outcome} is
	 * {@code pending}, {@code done} or {@code failed} (then {@code errorKey} and {@code error} say why).
	 */
	public record ModerationView(UUID id, UUID conversationId, UUID itemId, String action, String target,
			@Nullable String note, UUID takenBy, Instant takenAt, String outcome, @Nullable String errorKey,
			@Nullable String error, @Nullable UUID replyId) {

		/** Taken on the message itself (not on a reply of ours that answered it). */
		public boolean takenOn(UUID item) {
			return replyId == null && itemId.equals(item);
		}
	}

	/**
	 * Where reading one channel's inbox stands ({@code status}: {@code waiting} until a first read gets through, then
	 * {@code ok}, {@code failing}, {@code needs_reauthorization} or {@code unsupported}). {@code lagSeconds}: how old the
	 * inbox's view of the channel is (since
	 * the last poll that got through); {@code null} before the first. {@code lastPushedAt}: the network's last webhook
	 * delivery to the channel, if any.
	 */
	public record ChannelIngestion(UUID channelId, String name, String network, String status,
			@Nullable Instant lastPollStartedAt, @Nullable Instant lastPollFinishedAt, @Nullable Instant lastSuccessAt,
			@Nullable Instant nextPollAt, @Nullable String lastError, int consecutiveFailures,
			@Nullable Instant newestItemAt, long itemsReceived, @Nullable Long lagSeconds,
			@Nullable Instant lastPushedAt) {
	}

	/**
	 * What the item list may be narrowed to; every field is optional and already checked. {@code unassigned} asks for
	 * conversations nobody has; {@code sla}: {@code on-track}, {@code at-risk} or {@code breached}; {@code search}:
	 * words that each begin a word of the message or its author's handle or name.
	 */
	public record ItemQuery(@Nullable UUID channelId, @Nullable String network, @Nullable String type,
			@Nullable String status, @Nullable UUID conversationId, @Nullable String tag, @Nullable String language,
			@Nullable String sentiment, @Nullable UUID assigneeId, boolean unassigned, @Nullable String sla,
			@Nullable String search) {

		public ItemQuery(@Nullable UUID channelId, @Nullable String network, @Nullable String type,
				@Nullable String status, @Nullable UUID conversationId, @Nullable String tag) {
			this(channelId, network, type, status, conversationId, tag, null, null, null, false, null, null);
		}
	}

	/** What the conversation list may be narrowed to; as {@link ItemQuery}, over each conversation's messages. */
	public record ConversationQuery(@Nullable UUID channelId, @Nullable String network, @Nullable String status,
			@Nullable UUID assigneeId, boolean unassigned, @Nullable String tag, @Nullable String sla,
			@Nullable String language, @Nullable String sentiment, @Nullable String search) {
	}

	public static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
	public static final Set<String> SLA_STATES = InboxConditions.SLA_STATES;

	/** Where a page of items starts: after the item received at {@code receivedAt} with this id. */
	public record ItemCursor(Instant receivedAt, UUID id) {
	}

	/**
	 * A change to a conversation; {@code null} leaves a field as it is, except the assignee when
	 * {@code assigneeGiven} ({@code null} then means nobody). {@code tags} replace the conversation's tags, already
	 * in their kept form ({@link ConversationTags}).
	 */
	public record Change(@Nullable String status, @Nullable String priority, boolean assigneeGiven,
			@Nullable UUID assigneeId, @Nullable List<String> tags, boolean teamGiven, @Nullable UUID teamId) {

		public Change(@Nullable String status, @Nullable String priority, boolean assigneeGiven,
				@Nullable UUID assigneeId, @Nullable List<String> tags) {
			this(status, priority, assigneeGiven, assigneeId, tags, false, null);
		}
	}

	/**
	 * A stored item as automation rules see it.
	 * @param postId the network's id of the message as a post (what moderation acts on)
	 * @param firstOfConversation whether it is the earliest written item of its conversation
	 * @param answersOurReply whether it answers or quotes one of our replies
	 */
	public record ReceivedItem(ItemView item, ConversationView conversation, String postId,
			boolean firstOfConversation, boolean answersOurReply) {
	}

	/** Newest received first. */
	public List<ItemView> items(WorkspaceId workspace, ItemQuery query, @Nullable ItemCursor after, int limit) {
		ItemFilter filter = new ItemFilter(query.channelId() == null ? null : new ChannelId(query.channelId()),
				query.network(), query.type(), query.status(), query.conversationId(), query.tag(), query.language(),
				query.sentiment(), query.assigneeId() == null ? null : new UserId(query.assigneeId()),
				query.unassigned(), query.sla(), searchIndex.tsquery(query.search()));
		return records.items(workspace, filter, clock.instant(), after == null ? null : after.receivedAt(),
				after == null ? null : after.id(), limit).stream().map(InboxService::view).toList();
	}

	/**
	 * The conversation alone, without its messages.
	 * @throws ChorusException 404 when the workspace has no such conversation
	 */
	public ConversationView summary(WorkspaceId workspace, UUID id) {
		return view(find(workspace, id));
	}

	/** A conversation's newest message and how many messages it has. */
	public record Latest(ItemView item, long messages) {
	}

	/** The newest message of each of these conversations (those the workspace has), by conversation. */
	public Map<UUID, Latest> latest(WorkspaceId workspace, Collection<UUID> conversations) {
		return records.latest(workspace, Set.copyOf(conversations)).entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> new Latest(view(e.getValue().item()), e.getValue().messages())));
	}

	/** These conversations (those the workspace has) without their messages, by id, their SLA clocks read now. */
	public Map<UUID, ConversationView> summaries(WorkspaceId workspace, Collection<UUID> ids) {
		Instant now = clock.instant();
		return records.conversations(workspace, Set.copyOf(ids)).stream().map(c -> view(c, now))
			.collect(Collectors.toMap(ConversationView::id, Function.identity()));
	}

	/** The conversation with its items and our replies, oldest first. */
	public ConversationDetail conversation(WorkspaceId workspace, UUID id) {
		ConversationRow conversation = find(workspace, id);
		return new ConversationDetail(view(conversation),
				records.itemsOf(workspace, id, CONVERSATION_ITEMS).stream().map(InboxService::view).toList(),
				records.repliesOf(workspace, id).stream().map(InboxService::view).toList(), notes.of(workspace, id),
				moderation.of(workspace, id));
	}

	/** Most recently active first; {@code after} is the last conversation of the previous page. */
	public List<ConversationView> conversations(WorkspaceId workspace, @Nullable UUID channel, @Nullable String status,
			@Nullable UUID assignee, @Nullable String tag, @Nullable UUID after, int limit) {
		return conversations(workspace,
				new ConversationQuery(channel, null, status, assignee, false, tag, null, null, null, null), after, limit);
	}

	/** Most recently active first; {@code after} is the last conversation of the previous page. */
	public List<ConversationView> conversations(WorkspaceId workspace, ConversationQuery query, @Nullable UUID after,
			int limit) {
		ConversationRow last = after == null ? null : find(workspace, after);
		ConversationFilter filter = new ConversationFilter(
				query.channelId() == null ? null : new ChannelId(query.channelId()), query.network(), query.status(),
				query.assigneeId() == null ? null : new UserId(query.assigneeId()), query.unassigned(), query.tag(),
				query.sla(), query.language(), query.sentiment(), searchIndex.tsquery(query.search()));
		Instant now = clock.instant();
		return records.conversations(workspace, filter, now, last == null ? null : last.lastActivityAt(),
				last == null ? null : last.id(), limit).stream().map(c -> view(c, now)).toList();
	}

	/**
	 * A person sets the sentiment of a message; the analysis's reading is kept beside it.
	 * @throws ChorusException 404 when the workspace has no such item
	 */
	public ItemView correctSentiment(WorkspaceId workspace, AuditActor actor, UUID item, String label) {
		return transactions.execute(s -> {
			ItemRow before = item(workspace, item).orElseThrow(() -> ChorusException.notFound("item"));
			records.correctSentiment(workspace, item, label, actor.userId(), clock.instant());
			events.publishEvent(new SentimentCorrected(workspace, actor, item, before.conversationId(),
					before.sentimentLabel(), label, RequestOrigin.current()));
			return view(item(workspace, item).orElseThrow());
		});
	}

	public ConversationView change(Membership membership, AuditActor actor, UUID id, Change change) {
		WorkspaceId workspace = membership.workspaceId();
		check(workspace, change);
		return transactions.execute(s -> apply(workspace, actor, find(workspace, id), change));
	}

	/** Refuses a change naming an unknown status or priority, or an assignee who is not a member. */
	void check(WorkspaceId workspace, Change change) {
		if (change.status() != null && !STATUSES.contains(change.status())) {
			throw ChorusException.invalid("status", "inbox.conversation.status.unknown", change.status());
		}
		if (change.priority() != null && !PRIORITIES.contains(change.priority())) {
			throw ChorusException.invalid("priority", "inbox.conversation.priority.unknown", change.priority());
		}
		if (change.assigneeGiven() && change.assigneeId() != null
				&& workspaces.membership(workspace, new UserId(change.assigneeId())).isEmpty()) {
			throw ChorusException.invalid("assigneeId", "inbox.conversation.assignee.not-member");
		}
		if (change.teamGiven() && change.teamId() != null && !workspaces.teamExists(workspace, change.teamId())) {
			throw ChorusException.invalid("teamId", "inbox.assign.team.unknown");
		}
	}

	/**
	 * Applies a checked change to the conversation, inside the caller's transaction, and records it. A member who
	 * gets the conversation from someone else is told.
	 */
	ConversationView apply(WorkspaceId workspace, AuditActor actor, ConversationRow current, Change change) {
		UUID id = current.id();
		String status = change.status() != null ? change.status() : current.status();
		String priority = change.priority() != null ? change.priority() : current.priority();
		UserId assignee = !change.assigneeGiven() ? current.assignee()
				: change.assigneeId() == null ? null : new UserId(change.assigneeId());
		Instant resolvedAt = !status.equals("resolved") ? null
				: current.status().equals("resolved") ? current.resolvedAt() : clock.instant();
		if (change.status() != null || change.priority() != null || change.assigneeGiven()) {
			records.updateConversation(workspace, id, status, priority, assignee, resolvedAt);
			if (assignee != null && !assignee.equals(current.assignee())) {
				agents.assigned(workspace, assignee, clock.instant());
				events.publishEvent(new AssigneeChanged(workspace, id, assignee, actor.userId()));
			}
			events.publishEvent(new ConversationChanged(workspace, actor, id, status, priority, assignee,
					RequestOrigin.current()));
		}
		if (change.tags() != null) {
			records.setTags(workspace, id, change.tags());
			events.publishEvent(new ConversationTagged(workspace, actor, id, change.tags(), RequestOrigin.current()));
		}
		if (change.teamGiven() && !Objects.equals(change.teamId(), current.team())) {
			records.setTeam(workspace, id, change.teamId());
			events.publishEvent(new ConversationChanged(workspace, actor, id, status, priority, assignee,
					RequestOrigin.current()));
		}
		return view(find(workspace, id));
	}

	/** The tags of each of these conversations (those the workspace has). */
	public Map<UUID, List<String>> tagsOf(WorkspaceId workspace, Collection<UUID> conversations) {
		return records.tagsOf(workspace, Set.copyOf(conversations));
	}

	/** The stored item with what automation needs to know of its place; empty when the workspace has no such item. */
	public Optional<ReceivedItem> received(WorkspaceId workspace, UUID itemId) {
		return records.item(workspace, itemId).flatMap(item -> records.conversation(workspace, item.conversationId())
			.map(conversation -> new ReceivedItem(view(item), view(conversation),
					item.postRef() != null ? item.postRef() : item.remoteId(),
					records.isFirstOf(workspace, conversation.id(), item.id()),
					records.answersOurReply(workspace, item))));
	}

	/**
	 * What an automation rule does to a conversation, in the caller's transaction: adds tags (keeping at most
	 * {@link ConversationTags#MAX_COUNT}), and sets the priority and the assignee when they are not {@code null}.
	 * The caller has checked the values and audits the rule that did it.
	 */
	public void automate(WorkspaceId workspace, UUID conversationId, List<String> tags, @Nullable String priority,
			@Nullable UserId assignee) {
		if (!tags.isEmpty()) {
			records.addTags(workspace, conversationId, tags, ConversationTags.MAX_COUNT);
		}
		if (priority != null || assignee != null) {
			records.prioritiseAndAssign(workspace, conversationId, priority, assignee);
		}
	}

	/** One of our replies, as it stands. */
	public Optional<ReplyView> reply(WorkspaceId workspace, UUID id) {
		return records.reply(workspace, id).map(InboxService::view);
	}

	/** Every channel of the workspace with where reading its inbox stands. */
	public List<ChannelIngestion> ingestion(WorkspaceId workspace) {
		Map<ChannelId, StateRow> known = states.all(workspace).stream()
			.collect(Collectors.toMap(StateRow::channelId, Function.identity()));
		Instant now = clock.instant();
		return channels.all(workspace).stream().map(channel -> ingestion(channel, known.get(channel.id()), now))
			.toList();
	}

	private static ChannelIngestion ingestion(ChannelView channel, @Nullable StateRow state, Instant now) {
		if (state == null) {
			return new ChannelIngestion(channel.id().value(), channel.name(), channel.network().key(), "waiting",
					null, null, null, null, null, 0, null, 0, null, null);
		}
		Long lag = state.lastSuccessAt() == null ? null
				: Math.max(0, Duration.between(state.lastSuccessAt(), now).toSeconds());
		// a channel is "ok" from the moment it is added; until a read gets through, it is waiting for the first
		String status = IngestionStates.OK.equals(state.status()) && lag == null ? "waiting" : state.status();
		return new ChannelIngestion(channel.id().value(), channel.name(), channel.network().key(), status,
				state.lastPollStartedAt(), state.lastPollFinishedAt(), state.lastSuccessAt(), state.nextPollAt(),
				state.lastError(), state.consecutiveFailures(), state.newestItemAt(), state.itemsReceived(), lag,
				state.lastPushedAt());
	}

	ConversationRow find(WorkspaceId workspace, UUID id) {
		return records.conversation(workspace, id).orElseThrow(() -> ChorusException.notFound("conversation"));
	}

	Optional<ItemRow> item(WorkspaceId workspace, UUID id) {
		return records.item(workspace, id);
	}

	static ItemView view(ItemRow item) {
		return new ItemView(item.id(), item.conversationId(), item.channelId().value(), item.network(), item.type(),
				item.text(), new Author(item.authorId(), item.authorHandle(), item.authorDisplayName()),
				item.language(), item.sentimentLabel(), item.sentimentScore(), item.createdAt(), item.receivedAt(),
				item.url(), item.sentimentCorrectedBy() == null ? null
						: new SentimentCorrection(item.sentimentCorrectedBy(),
								Objects.requireNonNull(item.sentimentCorrectedAt()), item.sentimentModelLabel()));
	}

	static ReplyView view(ReplyRow reply) {
		return new ReplyView(reply.id(), reply.conversationId(), reply.inReplyToItem(), reply.text(), reply.status(),
				reply.remoteId(), reply.url(), reply.errorKey(), reply.errorDetail(), reply.authorId().value(),
				reply.createdAt(), reply.sentAt(), reply.deletedAt());
	}

	/** The conversation with its SLA clocks read now. */
	ConversationView view(ConversationRow c) {
		return view(c, clock.instant());
	}

	private ConversationView view(ConversationRow c, Instant now) {
		return new ConversationView(c.id(), c.channelId().value(), c.network(), c.kind(), c.status(), c.priority(),
				c.assignee() == null ? null : c.assignee().value(), c.createdAt(), c.lastActivityAt(),
				c.firstResponseAt(), c.resolvedAt(), c.tags(), c.team(), slas.read(c, now));
	}
}
