package app.chorus.inbox.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Conversations, items and replies. Every query names the workspace. */
@Repository
class InboxRecords {

	/**
	 * The columns an {@link ItemRow} is read from: every column but {@code search}, the message's words and their
	 * beginnings, which are only asked, never read (about half of a stored message, sent as text).
	 */
	private static final List<String> ITEM_COLUMNS = List.of("id", "workspace_id", "channel_id", "network",
			"conversation_id", "remote_id", "type", "author_id", "author_handle", "author_display_name", "text", "url",
			"created_at", "received_at", "post_ref", "post_hash", "post_root_ref", "post_root_hash", "subject_ref",
			"subject_hash", "language", "sentiment_label", "sentiment_score", "sentiment_model_label",
			"sentiment_corrected_by", "sentiment_corrected_at");
	private static final String ITEM = itemColumns(null);

	private final JdbcClient jdbc;
	/** For statements sent as one batch (JdbcClient has no batches). */
	private final JdbcTemplate batches;
	private final TransactionTemplate pages;

	InboxRecords(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.pages = new TransactionTemplate(transactions);
	}

	/** The item columns, each prefixed with the table's alias when there is one. */
	private static String itemColumns(@Nullable String alias) {
		return String.join(", ", alias == null ? ITEM_COLUMNS
				: ITEM_COLUMNS.stream().map(column -> alias + "." + column).toList());
	}

	/**
	 * Reads a page of a list without PostgreSQL's parallel workers. A page is a few dozen rows found through indexes;
	 * the planner still picks parallel plans for lists narrowed by messages (it expects many matches), and starting
	 * the workers took 30 ms on a 2-core machine, where the same plan without them takes 1-3 ms. The setting lasts
	 * until the transaction ends (the caller's, when there is one).
	 */
	private <T> T withoutParallelWorkers(java.util.function.Supplier<T> read) {
		return Objects.requireNonNull(pages.execute(status -> {
			jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
			return read.get();
		}));
	}

	record ConversationRow(UUID id, WorkspaceId workspaceId, ChannelId channelId, String network, String kind,
			String rootRef, String status, @Nullable UserId assignee, String priority, Instant createdAt,
			Instant lastActivityAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
			List<String> tags, @Nullable UUID team, Instant slaStartedAt, @Nullable Instant slaRespondedAt) {
	}

	/**
	 * One stored message. {@code post*} is the message itself as the network names it (with its thread root),
	 * {@code subject*} the post of ours it answers or quotes.
	 */
	record ItemRow(UUID id, WorkspaceId workspaceId, ChannelId channelId, String network, UUID conversationId,
			String remoteId, String type, String authorId, String authorHandle, @Nullable String authorDisplayName,
			String text, String url, Instant createdAt, Instant receivedAt, @Nullable String postRef,
			@Nullable String postHash, @Nullable String postRootRef, @Nullable String postRootHash,
			@Nullable String subjectRef, @Nullable String subjectHash, @Nullable String language,
			@Nullable String sentimentLabel, @Nullable Double sentimentScore, @Nullable String sentimentModelLabel,
			@Nullable UUID sentimentCorrectedBy, @Nullable Instant sentimentCorrectedAt) {

		/** A message as it arrives: nobody has corrected its sentiment. */
		ItemRow(UUID id, WorkspaceId workspaceId, ChannelId channelId, String network, UUID conversationId,
				String remoteId, String type, String authorId, String authorHandle, @Nullable String authorDisplayName,
				String text, String url, Instant createdAt, Instant receivedAt, @Nullable String postRef,
				@Nullable String postHash, @Nullable String postRootRef, @Nullable String postRootHash,
				@Nullable String subjectRef, @Nullable String subjectHash, @Nullable String language,
				@Nullable String sentimentLabel, @Nullable Double sentimentScore) {
			this(id, workspaceId, channelId, network, conversationId, remoteId, type, authorId, authorHandle,
					authorDisplayName, text, url, createdAt, receivedAt, postRef, postHash, postRootRef, postRootHash,
					subjectRef, subjectHash, language, sentimentLabel, sentimentScore, null, null, null);
		}
	}

	record ReplyRow(UUID id, WorkspaceId workspaceId, UUID conversationId, UUID inReplyToItem, ChannelId channelId,
			String text, String status, @Nullable String remoteId, @Nullable String url, @Nullable String errorKey,
			@Nullable String errorDetail, UserId authorId, String idempotencyKey, Instant createdAt,
			@Nullable Instant sentAt, @Nullable Instant deletedAt) {
	}

	/**
	 * What the item list may be narrowed to; every field is optional. {@code unassigned} asks for conversations
	 * nobody has ({@code assignee} is then ignored); {@code sla} is {@code on-track}, {@code at-risk} or
	 * {@code breached}; {@code search} is a tsquery ({@link app.chorus.inbox.search.SearchTerms#query}).
	 */
	record ItemFilter(@Nullable ChannelId channel, @Nullable String network, @Nullable String type,
			@Nullable String status, @Nullable UUID conversation, @Nullable String tag, @Nullable String language,
			@Nullable String sentiment, @Nullable UserId assignee, boolean unassigned, @Nullable String sla,
			@Nullable String search) {

		ItemFilter(@Nullable ChannelId channel, @Nullable String network, @Nullable String type,
				@Nullable String status, @Nullable UUID conversation, @Nullable String tag) {
			this(channel, network, type, status, conversation, tag, null, null, null, false, null, null);
		}

		boolean needsConversation() {
			return status != null || tag != null || assignee != null || unassigned || sla != null;
		}
	}

	/** What the conversation list may be narrowed to; as {@link ItemFilter}, over the conversations' messages. */
	record ConversationFilter(@Nullable ChannelId channel, @Nullable String network, @Nullable String status,
			@Nullable UserId assignee, boolean unassigned, @Nullable String tag, @Nullable String sla,
			@Nullable String language, @Nullable String sentiment, @Nullable String search) {
	}

	// conversations

	/** What a conversation is on its channel: its kind and the network's id of its root. */
	record ConversationRoot(String kind, String rootRef) {
	}

	/** The conversations of a batch's roots, and which of them the batch made. */
	record Conversations(Map<ConversationRoot, UUID> byRoot, Set<UUID> made) {
	}

	/**
	 * The conversations with these roots on the channel, made where there are none yet: one statement when every root
	 * is new (the insert returns what it made), one more to read those that were there already. They are made in one
	 * order (kind, then root), so two batches making the same ones never wait on each other in a circle. A conversation
	 * is made active at {@code now}, as {@link #touched} would make it, with its SLA clocks stamped ({@code sla}, for
	 * conversations made at {@code now}).
	 */
	Conversations conversationsFor(WorkspaceId workspace, ChannelId channel, String network,
			Collection<ConversationRoot> roots, Instant now, SlaWatch.Stamp sla) {
		if (roots.isEmpty()) {
			return new Conversations(Map.of(), Set.of());
		}
		List<ConversationRoot> sorted = roots.stream().distinct()
			.sorted(java.util.Comparator.comparing(ConversationRoot::kind).thenComparing(ConversationRoot::rootRef))
			.toList();
		String[] kinds = sorted.stream().map(ConversationRoot::kind).toArray(String[]::new);
		String[] refs = sorted.stream().map(ConversationRoot::rootRef).toArray(String[]::new);
		String[] ids = sorted.stream().map(root -> Ids.next().toString()).toArray(String[]::new);
		Map<ConversationRoot, UUID> found = new HashMap<>();
		Set<UUID> made = new HashSet<>();
		jdbc.sql("""
				insert into inbox.conversations (id, workspace_id, channel_id, network, kind, root_ref, status,
				    priority, created_at, last_activity_at, sla_stamped, first_response_due_at,
				    first_response_at_risk_at, resolution_due_at, resolution_at_risk_at, sla_next_alert_at)
				select r.id, :ws, :channel, :network, r.kind, r.root_ref, 'new', 'normal', :now, :now, true,
				    :firstDue, :firstAtRisk, :resolutionDue, :resolutionAtRisk, :nextAlert
				from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:refs as text[]))
				    with ordinality as r (id, kind, root_ref, n)
				order by r.n
				on conflict (channel_id, kind, root_ref) do nothing
				returning id, kind, root_ref""")
			.param("ws", workspace.value()).param("channel", channel.value()).param("network", network)
			.param("now", ts(now)).param("ids", ids).param("kinds", kinds).param("refs", refs)
			.param("firstDue", ts(sla.firstResponseDue())).param("firstAtRisk", ts(sla.firstResponseAtRisk()))
			.param("resolutionDue", ts(sla.resolutionDue())).param("resolutionAtRisk", ts(sla.resolutionAtRisk()))
			.param("nextAlert", ts(sla.nextAlert()))
			.query((RowCallbackHandler) rs -> {
				UUID id = rs.getObject(1, UUID.class);
				found.put(new ConversationRoot(rs.getString(2), rs.getString(3)), id);
				made.add(id);
			});
		if (found.size() < sorted.size()) {
			List<ConversationRoot> there = sorted.stream().filter(root -> !found.containsKey(root)).toList();
			jdbc.sql("""
					select c.id, c.kind, c.root_ref
					from unnest(cast(:kinds as text[]), cast(:refs as text[])) as r (kind, root_ref)
					join inbox.conversations c
					    on c.channel_id = :channel and c.kind = r.kind and c.root_ref = r.root_ref
					where c.workspace_id = :ws""")
				.param("ws", workspace.value()).param("channel", channel.value())
				.param("kinds", there.stream().map(ConversationRoot::kind).toArray(String[]::new))
				.param("refs", there.stream().map(ConversationRoot::rootRef).toArray(String[]::new))
				.query((RowCallbackHandler) rs -> found.put(new ConversationRoot(rs.getString(2), rs.getString(3)),
						rs.getObject(1, UUID.class)));
		}
		return new Conversations(found, made);
	}

	/**
	 * Something new arrived in these conversations: each is active again, and a resolved one opens again, with new SLA
	 * clocks (the person who wrote again waits for a new answer). One statement for them all.
	 */
	void touched(WorkspaceId workspace, Collection<UUID> conversations, Instant at) {
		if (conversations.isEmpty()) {
			return;
		}
		jdbc.sql(REOPENED + " where workspace_id = ? and id = any(cast(? as uuid[]))")
			.params(ts(at), ts(at), workspace.value(),
					conversations.stream().map(UUID::toString).sorted().toArray(String[]::new))
			.update();
	}

	/** The update {@link #touched} makes; its parameters: the new item's time, twice. */
	static final String REOPENED = """
			update inbox.conversations set last_activity_at = greatest(last_activity_at, ?),
			    sla_started_at = case when status = 'resolved' then ? else sla_started_at end,
			    sla_responded_at = case when status = 'resolved' then null else sla_responded_at end,
			    sla_stamped = sla_stamped and status <> 'resolved',
			    sla_alerted = case when status = 'resolved' then 'none' else sla_alerted end,
			    resolved_at = case when status = 'resolved' then null else resolved_at end,
			    status = case when status = 'resolved' then 'open' else status end""";

	Optional<ConversationRow> conversation(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from inbox.conversations where workspace_id = ? and id = ?")
			.params(workspace.value(), id).query(InboxRecords::conversation).optional();
	}

	/** The workspace's conversations with these ids; ids of other workspaces are not among them. */
	List<ConversationRow> conversations(WorkspaceId workspace, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from inbox.conversations where workspace_id = :ws and id = any(cast(:ids as uuid[]))")
			.param("ws", workspace.value()).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.query(InboxRecords::conversation).list();
	}

	void updateConversation(WorkspaceId workspace, UUID id, String status, String priority,
			@Nullable UserId assignee, @Nullable Instant resolvedAt) {
		jdbc.sql("""
				update inbox.conversations set status = ?, priority = ?, assignee_id = ?, resolved_at = ?,
				    sla_stamped = sla_stamped and status = ? and resolved_at is not distinct from ?
				where workspace_id = ? and id = ?""")
			.params(status, priority, assignee == null ? null : assignee.value(), ts(resolvedAt), status,
					ts(resolvedAt), workspace.value(), id)
			.update();
	}

	/** Sets what is given (in one statement, so a person's change meanwhile is not undone); {@code null} keeps it. */
	void prioritiseAndAssign(WorkspaceId workspace, UUID id, @Nullable String priority, @Nullable UserId assignee) {
		jdbc.sql("""
				update inbox.conversations set priority = coalesce(?, priority), assignee_id = coalesce(?, assignee_id)
				where workspace_id = ? and id = ?""")
			.params(priority, assignee == null ? null : assignee.value(), workspace.value(), id).update();
	}

	/**
	 * The workspace's conversations with these ids, locked until the transaction ends (in id order, so two lockers
	 * never wait on each other); ids of other workspaces are not among them.
	 */
	List<ConversationRow> lockConversations(WorkspaceId workspace, Collection<UUID> ids) {
		return jdbc.sql("""
				select * from inbox.conversations where workspace_id = :ws and id in (:ids)
				order by id for update""")
			.param("ws", workspace.value()).param("ids", List.copyOf(ids)).query(InboxRecords::conversation).list();
	}

	/**
	 * We answered: the first answer's time is kept, and the round's (which stops the first-response clock), and a new
	 * conversation is open.
	 */
	void responded(WorkspaceId workspace, UUID id, Instant at) {
		jdbc.sql("""
				update inbox.conversations set first_response_at = coalesce(first_response_at, ?),
				    sla_responded_at = coalesce(sla_responded_at, ?),
				    sla_stamped = sla_stamped and sla_responded_at is not null,
				    status = case when status = 'new' then 'open' else status end,
				    last_activity_at = greatest(last_activity_at, ?)
				where workspace_id = ? and id = ?""")
			.params(ts(at), ts(at), ts(at), workspace.value(), id).update();
	}

	/** Newest activity first; {@code before*} is the last row of the previous page. */
	List<ConversationRow> conversations(WorkspaceId workspace, ConversationFilter filter, Instant now,
			@Nullable Instant beforeActivity, @Nullable UUID beforeId, int limit) {
		InboxConditions where = new InboxConditions("c", workspace, now)
			.equal("channel_id", "channel", filter.channel() == null ? null : filter.channel().value())
			.equal("network", "network", filter.network()).equal("status", "status", filter.status())
			.assignee(filter.assignee(), filter.unassigned()).tag(filter.tag()).sla(filter.sla());
		if (filter.language() != null || filter.sentiment() != null || filter.search() != null) {
			where.raw("exists (select 1 from inbox.items i where i.workspace_id = :ws and i.conversation_id = c.id"
					+ new InboxConditions("i", workspace, now).equal("language", "language", filter.language())
						.sentiment(filter.sentiment()).search(filter.search()).andClause(where)
					+ ")");
		}
		if (beforeActivity != null && beforeId != null) {
			where.raw("(c.last_activity_at, c.id) < (:at, :id)").param("at", ts(beforeActivity)).param("id", beforeId);
		}
		// the page's ids first, then their rows: a list narrowed by messages reaches many conversations, of which
		// only the activity is needed to keep the newest (conversations_activity_by_id has it without the rows)
		return withoutParallelWorkers(() -> jdbc.sql("select p.* from inbox.conversations p where p.workspace_id = :ws "
				+ "and p.id in (select c.id from inbox.conversations c where c.workspace_id = :ws" + where.andClause(null)
				+ " order by c.last_activity_at desc, c.id desc limit :limit) order by p.last_activity_at desc, p.id desc")
			.params(where.params()).param("limit", limit).query(InboxRecords::conversation).list());
	}

	/** Which team handles the conversation; its SLA clocks are stamped again for that team's policy. */
	void setTeam(WorkspaceId workspace, UUID id, @Nullable UUID team) {
		jdbc.sql("""
				update inbox.conversations set team_id = ?, sla_stamped = sla_stamped and team_id is not distinct from ?
				where workspace_id = ? and id = ?""")
			.params(team, team, workspace.value(), id).update();
	}

	/** Replaces the conversation's tags (already in their kept form). */
	void setTags(WorkspaceId workspace, UUID id, List<String> tags) {
		jdbc.sql("update inbox.conversations set tags = :tags where workspace_id = :ws and id = :id")
			.param("tags", tags.toArray(String[]::new)).param("ws", workspace.value()).param("id", id).update();
	}

	/**
	 * Adds the tags the conversation lacks after those it has, keeping at most {@code max}; in one statement, so two
	 * items of one conversation tagged at once lose nothing.
	 */
	void addTags(WorkspaceId workspace, UUID id, List<String> tags, int max) {
		jdbc.sql("""
				update inbox.conversations
				set tags = (tags || array(select t from unnest(cast(? as text[])) with ordinality as n (t, o)
				    where t <> all (tags) order by o))[1 : ?]
				where workspace_id = ? and id = ?""")
			.params(tags.stream().distinct().toArray(String[]::new), max, workspace.value(), id).update();
	}

	/** The tags of each of these conversations of the workspace. */
	Map<UUID, List<String>> tagsOf(WorkspaceId workspace, Collection<UUID> conversations) {
		if (conversations.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<String>> tags = new HashMap<>();
		jdbc.sql("select id, tags from inbox.conversations where workspace_id = :ws and id = any(cast(:ids as uuid[]))")
			.param("ws", workspace.value())
			.param("ids", conversations.stream().map(UUID::toString).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> tags.put(rs.getObject("id", UUID.class), tags(rs)));
		return tags;
	}

	// items

	/**
	 * Stores the items the channel has not got yet (same network id), sent to the database as one batch.
	 * @return for each item, in order, whether it was new
	 */
	boolean[] insertNew(List<ItemRow> items) {
		if (items.isEmpty()) {
			return new boolean[0];
		}
		int[] counts = batches.batchUpdate("""
				insert into inbox.items (id, workspace_id, channel_id, network, conversation_id, remote_id, type,
				    author_id, author_handle, author_display_name, text, url, created_at, received_at, post_ref,
				    post_hash, post_root_ref, post_root_hash, subject_ref, subject_hash, language, sentiment_label,
				    sentiment_score, search)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, array_to_tsvector(?))
				on conflict (channel_id, remote_id) do nothing""",
				items.stream().map(item -> new Object[] { item.id(), item.workspaceId().value(),
						item.channelId().value(), item.network(), item.conversationId(), item.remoteId(), item.type(),
						item.authorId(), item.authorHandle(), item.authorDisplayName(), item.text(), item.url(),
						ts(item.createdAt()), ts(item.receivedAt()), item.postRef(), item.postHash(),
						item.postRootRef(), item.postRootHash(), item.subjectRef(), item.subjectHash(),
						item.language(), item.sentimentLabel(), item.sentimentScore(),
						searchWords(item.text(), item.authorHandle(), item.authorDisplayName()) })
					.toList());
		boolean[] added = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			// a driver that cannot tell says SUCCESS_NO_INFO; with PostgreSQL each count is 0 or 1
			added[i] = counts[i] == 1;
		}
		return added;
	}

	/** What full-text search finds a message by: its text and its author's handle and name. */
	static String[] searchWords(String text, String authorHandle, @Nullable String authorDisplayName) {
		return app.chorus.inbox.search.SearchTerms.lexemes(text + " " + authorHandle + " "
				+ (authorDisplayName == null ? "" : authorDisplayName)).toArray(String[]::new);
	}

	/** A message and what it is found by. */
	record Searchable(UUID id, String text, String authorHandle, @Nullable String authorDisplayName) {
	}

	/** The format the stored search words are in and, while they are being stored again, the last message done. */
	record SearchFormat(int format, @Nullable UUID storedThrough) {
	}

	/** The search format, locked until the transaction ends (so one node at a time stores words again). */
	SearchFormat searchFormatForUpdate() {
		return jdbc.sql("select format, stored_through from inbox.search_format for update")
			.query((rs, n) -> new SearchFormat(rs.getInt(1), rs.getObject(2, UUID.class)))
			.single();
	}

	/**
	 * Merges the search index's pending list into the index now; returns the pages merged (none while the index is
	 * missing, as while an operator rebuilds it or a bulk load runs without it).
	 */
	long mergePendingSearchWords() {
		return jdbc.sql("""
				select gin_clean_pending_list(search_index)
				from to_regclass('inbox.items_search') search_index where search_index is not null""")
			.query(Long.class).optional().orElse(0L);
	}

	int searchFormat() {
		return jdbc.sql("select format from inbox.search_format").query(Integer.class).single();
	}

	void setSearchFormat(int format, @Nullable UUID storedThrough) {
		jdbc.sql("update inbox.search_format set format = ?, stored_through = ?").params(format, storedThrough)
			.update();
	}

	/** Messages by id after this one (every workspace's: this is maintenance, not a tenant's read). */
	List<Searchable> searchableAfter(@Nullable UUID after, int limit) {
		return jdbc.sql("""
				select id, text, author_handle, author_display_name from inbox.items where id > ? order by id limit ?""")
			.params(after == null ? new UUID(0, 0) : after, limit)
			.query((rs, n) -> new Searchable(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	void setSearchWords(List<Searchable> items) {
		batches.batchUpdate("update inbox.items set search = array_to_tsvector(?) where id = ?",
				items.stream().map(item -> new Object[] {
						searchWords(item.text(), item.authorHandle(), item.authorDisplayName()), item.id() })
					.toList());
	}

	/** Which of these network ids the channel has items for already (one statement for a whole page). */
	Set<String> existingRemoteIds(ChannelId channel, Collection<String> remoteIds) {
		if (remoteIds.isEmpty()) {
			return Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select remote_id from inbox.items where channel_id = :channel and remote_id = any(:ids)""")
			.param("channel", channel.value()).param("ids", remoteIds.toArray(String[]::new)).query(String.class)
			.list());
	}

	Optional<ItemRow> item(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select " + ITEM + " from inbox.items where workspace_id = ? and id = ?")
			.params(workspace.value(), id).query(InboxRecords::item).optional();
	}

	/** Newest received first; {@code before*} is the last row of the previous page. */
	List<ItemRow> items(WorkspaceId workspace, ItemFilter filter, Instant now, @Nullable Instant beforeReceived,
			@Nullable UUID beforeId, int limit) {
		InboxConditions where = new InboxConditions("i", workspace, now)
			.equal("channel_id", "channel", filter.channel() == null ? null : filter.channel().value())
			.equal("network", "network", filter.network()).equal("type", "type", filter.type())
			.equal("conversation_id", "conversation", filter.conversation())
			.equal("language", "language", filter.language()).sentiment(filter.sentiment())
			.search(filter.search());
		String join = "";
		if (filter.needsConversation()) {
			InboxConditions on = new InboxConditions("c", workspace, now).equal("status", "status", filter.status())
				.assignee(filter.assignee(), filter.unassigned()).tag(filter.tag()).sla(filter.sla());
			join = " join inbox.conversations c on c.id = i.conversation_id and c.workspace_id = :ws"
					+ on.andClause(where);
		}
		if (beforeReceived != null && beforeId != null) {
			where.raw("(i.received_at, i.id) < (:received, :id)").param("received", ts(beforeReceived))
				.param("id", beforeId);
		}
		String sql = "select " + itemColumns("i") + " from inbox.items i" + join + " where i.workspace_id = :ws"
				+ where.andClause(null) + " order by i.received_at desc, i.id desc limit :limit";
		return withoutParallelWorkers(() -> jdbc.sql(sql)
			.params(where.params()).param("limit", limit).query(InboxRecords::item).list());
	}

	/**
	 * A person says what the sentiment of the message is; what the analysis said stays in
	 * {@code sentiment_model_label} (kept from the first correction on).
	 * @return whether the workspace has the item
	 */
	boolean correctSentiment(WorkspaceId workspace, UUID item, String label, UserId by, Instant at) {
		return jdbc.sql("""
				update inbox.items set sentiment_model_label = case when sentiment_corrected_by is null
				        then sentiment_label else sentiment_model_label end,
				    sentiment_label = ?, sentiment_corrected_by = ?, sentiment_corrected_at = ?
				where workspace_id = ? and id = ?""")
			.params(label, by.value(), ts(at), workspace.value(), item).update() == 1;
	}

	/** The conversation's items, oldest first, at most {@code limit}. */
	List<ItemRow> itemsOf(WorkspaceId workspace, UUID conversation, int limit) {
		return jdbc.sql("select " + ITEM + " from inbox.items where workspace_id = ? and conversation_id = ?"
				+ " order by created_at, id limit ?")
			.params(workspace.value(), conversation, limit).query(InboxRecords::item).list();
	}

	/** Whether the item is the earliest written of its conversation. */
	boolean isFirstOf(WorkspaceId workspace, UUID conversation, UUID item) {
		return jdbc.sql("""
				select id from inbox.items where workspace_id = ? and conversation_id = ?
				order by created_at, id limit 1""")
			.params(workspace.value(), conversation).query(UUID.class).optional().map(item::equals).orElse(false);
	}

	/** Whether the item answers or quotes a reply we sent through its channel. */
	boolean answersOurReply(WorkspaceId workspace, ItemRow item) {
		return item.subjectRef() != null && jdbc.sql("""
				select count(*) from inbox.replies where workspace_id = ? and channel_id = ? and remote_id = ?""")
			.params(workspace.value(), item.channelId().value(), item.subjectRef()).query(Long.class).single() > 0;
	}

	/** A conversation's newest message and how many it has. */
	record Latest(ItemRow item, long messages) {
	}

	/** The newest message of each of these conversations (those the workspace has), by conversation, in one read. */
	Map<UUID, Latest> latest(WorkspaceId workspace, Collection<UUID> conversations) {
		if (conversations.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Latest> latest = new HashMap<>();
		jdbc.sql("select " + itemColumns("i") + ", n.messages from unnest(cast(? as uuid[])) as c(id) " + """
				cross join lateral (select * from inbox.items where workspace_id = ? and conversation_id = c.id
				    order by created_at desc, id desc limit 1) i
				cross join lateral (select count(*) as messages from inbox.items
				    where workspace_id = ? and conversation_id = c.id) n""")
			.params(conversations.toArray(UUID[]::new), workspace.value(), workspace.value())
			.query((RowCallbackHandler) rs -> {
				ItemRow item = item(rs, rs.getRow());
				latest.put(item.conversationId(), new Latest(item, rs.getLong("messages")));
			});
		return latest;
	}

	/** The newest item of the conversation that someone other than the account itself wrote. */
	Optional<ItemRow> newestFromOthers(WorkspaceId workspace, UUID conversation, String ownAccountId) {
		return jdbc.sql("select " + ITEM + " from inbox.items where workspace_id = ? and conversation_id = ?"
				+ " and author_id <> ? order by created_at desc, id desc limit 1")
			.params(workspace.value(), conversation, ownAccountId).query(InboxRecords::item).optional();
	}

	// replies

	void insert(ReplyRow reply) {
		jdbc.sql("""
				insert into inbox.replies (id, workspace_id, conversation_id, in_reply_to_item, channel_id, text, status,
				    author_id, idempotency_key, created_at, sending_since)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(reply.id(), reply.workspaceId().value(), reply.conversationId(), reply.inReplyToItem(),
					reply.channelId().value(), reply.text(), reply.status(), reply.authorId().value(),
					reply.idempotencyKey(), ts(reply.createdAt()), ts(reply.createdAt()))
			.update();
	}

	void replySent(WorkspaceId workspace, UUID id, @Nullable String remoteId, @Nullable String url, Instant at) {
		jdbc.sql("""
				update inbox.replies set status = 'sent', remote_id = ?, url = ?, sent_at = ?, error_key = null,
				    error_detail = null
				where workspace_id = ? and id = ?""")
			.params(remoteId, url, ts(at), workspace.value(), id).update();
	}

	void replyFailed(WorkspaceId workspace, UUID id, String errorKey, @Nullable String detail) {
		jdbc.sql("""
				update inbox.replies set status = 'failed', error_key = ?, error_detail = ?
				where workspace_id = ? and id = ?""")
			.params(errorKey, detail, workspace.value(), id).update();
	}

	/** Claims a reply for sending: only a failed one (or one left sending by a node that died) may go again. */
	boolean claimForRetry(WorkspaceId workspace, UUID id, Instant now) {
		return jdbc.sql("""
				update inbox.replies set status = 'sending', sending_since = ?
				where workspace_id = ? and id = ? and status = 'failed'""")
			.params(ts(now), workspace.value(), id).update() == 1;
	}

	Optional<ReplyRow> reply(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from inbox.replies where workspace_id = ? and id = ?")
			.params(workspace.value(), id).query(InboxRecords::reply).optional();
	}

	List<ReplyRow> repliesOf(WorkspaceId workspace, UUID conversation) {
		return jdbc.sql("""
				select * from inbox.replies where workspace_id = ? and conversation_id = ? order by created_at, id""")
			.params(workspace.value(), conversation).query(InboxRecords::reply).list();
	}

	// mapping

	private static ConversationRow conversation(ResultSet rs, int n) throws SQLException {
		UUID assignee = rs.getObject("assignee_id", UUID.class);
		return new ConversationRow(rs.getObject("id", UUID.class), workspace(rs),
				new ChannelId(rs.getObject("channel_id", UUID.class)), rs.getString("network"), rs.getString("kind"),
				rs.getString("root_ref"), rs.getString("status"), assignee == null ? null : new UserId(assignee),
				rs.getString("priority"), instant(rs, "created_at"), instant(rs, "last_activity_at"),
				instant(rs, "first_response_at"), instant(rs, "resolved_at"), tags(rs),
				rs.getObject("team_id", UUID.class),
				Objects.requireNonNullElse(instant(rs, "sla_started_at"), instant(rs, "created_at")),
				instant(rs, "sla_responded_at"));
	}

	private static ItemRow item(ResultSet rs, int n) throws SQLException {
		return new ItemRow(rs.getObject("id", UUID.class), workspace(rs),
				new ChannelId(rs.getObject("channel_id", UUID.class)), rs.getString("network"),
				rs.getObject("conversation_id", UUID.class), rs.getString("remote_id"), rs.getString("type"),
				rs.getString("author_id"), rs.getString("author_handle"), rs.getString("author_display_name"),
				rs.getString("text"), rs.getString("url"), instant(rs, "created_at"), instant(rs, "received_at"),
				rs.getString("post_ref"), rs.getString("post_hash"), rs.getString("post_root_ref"),
				rs.getString("post_root_hash"), rs.getString("subject_ref"), rs.getString("subject_hash"),
				rs.getString("language"), rs.getString("sentiment_label"), rs.getObject("sentiment_score", Double.class),
				rs.getString("sentiment_model_label"), rs.getObject("sentiment_corrected_by", UUID.class),
				instant(rs, "sentiment_corrected_at"));
	}

	private static ReplyRow reply(ResultSet rs, int n) throws SQLException {
		return new ReplyRow(rs.getObject("id", UUID.class), workspace(rs), rs.getObject("conversation_id", UUID.class),
				rs.getObject("in_reply_to_item", UUID.class), new ChannelId(rs.getObject("channel_id", UUID.class)),
				rs.getString("text"), rs.getString("status"), rs.getString("remote_id"), rs.getString("url"),
				rs.getString("error_key"), rs.getString("error_detail"),
				new UserId(rs.getObject("author_id", UUID.class)), rs.getString("idempotency_key"),
				instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "deleted_at"));
	}

	private static List<String> tags(ResultSet rs) throws SQLException {
		Array tags = rs.getArray("tags");
		return tags == null ? List.of() : List.of((String[]) tags.getArray());
	}

	private static WorkspaceId workspace(ResultSet rs) throws SQLException {
		return new WorkspaceId(rs.getObject("workspace_id", UUID.class));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
