package app.chorus.inbox.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.Callers;
import app.chorus.inbox.internal.ConversationTags;
import app.chorus.inbox.internal.InboxReplies;
import app.chorus.inbox.internal.InboxListFilters;
import app.chorus.inbox.internal.InboxListFilters.Checked;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ChannelIngestion;
import app.chorus.inbox.internal.InboxService.ConversationView;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.inbox.internal.InboxService.ReplyView;
import app.chorus.inbox.sla.SlaClock;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The inbox: what people said to the workspace's channels, grouped into conversations, and our replies. Message
 * texts and names are returned exactly as the network sent them; whoever shows them must escape them.
 */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox", description = "Replies, mentions, quotes and direct messages from every channel; conversations "
		+ "and replies")
class InboxApi {

	static final int DEFAULT_PAGE = 50;
	static final int MAX_PAGE = 200;

	private final InboxService inbox;
	private final InboxReplies replies;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	InboxApi(InboxService inbox, InboxReplies replies, WorkspaceContext context, CurrentUser currentUser) {
		this.inbox = inbox;
		this.replies = replies;
		this.context = context;
		this.currentUser = currentUser;
	}

	record AuthorResource(String handle, @Nullable String displayName) {
	}

	/**
	 * {@code score} is the analysis's, between -1 and 1; when a person corrected the label, {@code correctedBy} and
	 * {@code correctedAt} say who and when, and {@code analysed} what the analysis had said.
	 */
	record SentimentResource(String label, @Nullable Double score, @Nullable UUID correctedBy,
			@Nullable Instant correctedAt, @Nullable String analysed) {
	}

	/** One SLA clock: its state, when it runs out, when it turns at risk, and the working time counted. */
	record ClockResource(String state, Instant dueAt, Instant atRiskFrom, long elapsedSeconds) {
	}

	/**
	 * {@code state}: the more urgent of the two clocks ({@code on-track}, {@code at-risk}, {@code breached},
	 * {@code met} or {@code missed}).
	 */
	record SlaResource(String state, ClockResource firstResponse, ClockResource resolution) {
	}

	/**
	 * {@code language} and {@code sentiment} are {@code null} until the item has been classified; {@code tags} are
	 * its conversation's.
	 */
	record ItemResource(UUID id, UUID conversationId, UUID channelId, String network, String type, String text,
			AuthorResource author, @Nullable String language, @Nullable SentimentResource sentiment,
			Instant createdAt, Instant receivedAt, String url, List<String> tags) {
	}

	record ReplyResource(UUID id, UUID conversationId, UUID inReplyToItemId, String text, String status,
			@Nullable String remoteId, @Nullable String url, @Nullable String errorKey, @Nullable String errorDetail,
			UUID authorId, Instant createdAt, @Nullable Instant sentAt, @Nullable Instant deletedAt) {
	}

	record ConversationResource(UUID id, UUID channelId, String network, String kind, String status, String priority,
			@Nullable UUID assigneeId, Instant createdAt, Instant lastActivityAt, @Nullable Instant firstResponseAt,
			@Nullable Instant resolvedAt, List<String> tags, @Nullable UUID teamId, SlaResource sla) {
	}

	/**
	 * The detail's items say what moderation was taken on them ({@code moderation}, oldest first, with who took it);
	 * {@code notes} are the team's internal notes.
	 */
	record ConversationDetailResource(UUID id, UUID channelId, String network, String kind, String status,
			String priority, @Nullable UUID assigneeId, Instant createdAt, Instant lastActivityAt,
			@Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, List<String> tags, @Nullable UUID teamId,
			SlaResource sla, List<ModeratedItemResource> items, List<ReplyResource> replies, List<NotesApi.NoteResource> notes) {
	}

	record ModeratedItemResource(@JsonUnwrapped ItemResource item,
			List<ModerationApi.ModerationResource> moderation) {
	}

	record ReplyBody(@Nullable String text, @Nullable UUID inReplyToItemId) {
	}

	@Operation(summary = "Inbox items, newest received first; filter by channel, network, type (reply, mention, quote, "
			+ "dm, comment), conversation status (new, open, pending, resolved), conversation, tag, language (ISO 639 "
			+ "code), sentiment (negative, neutral, positive), assignee (a member's id, me or none), SLA state "
			+ "(on-track, at-risk, breached) and q (words that begin words of the text or the author's handle or name)")
	@GetMapping("/items")
	Page<ItemResource> items(@RequestParam(required = false) @Nullable UUID channelId,
			@RequestParam(required = false) @Nullable String network,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID conversationId,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String sentiment,
			@RequestParam(required = false) @Nullable String assigneeId,
			@RequestParam(required = false) @Nullable String sla,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		InboxListFilters.type(type);
		Checked filters = filters(network, status, language, sentiment, assigneeId, sla, q);
		int size = size(limit);
		List<ItemView> page = inbox.items(membership.workspaceId(),
				new InboxService.ItemQuery(channelId, network, type, status, conversationId,
						InboxListFilters.tag(tag), language, sentiment, filters.assignee(), filters.unassigned(), sla,
						filters.search()),
				InboxListFilters.itemCursor(cursor), size + 1);
		String next = page.size() > size ? InboxListFilters.itemCursor(page.get(size - 1)) : null;
		List<ItemView> shown = page.stream().limit(size).toList();
		Map<UUID, List<String>> tags = inbox.tagsOf(membership.workspaceId(),
				shown.stream().map(ItemView::conversationId).toList());
		return new Page<>(shown.stream()
			.map(item -> resource(item, tags.getOrDefault(item.conversationId(), List.of()))).toList(), next);
	}

	@Operation(summary = "Conversations, most recently active first; filter by channel, network, status, assignee (a "
			+ "member's id, me or none), tag, SLA state (on-track, at-risk, breached), and by their messages' language, "
			+ "sentiment and words (q)")
	@GetMapping("/conversations")
	Page<ConversationResource> conversations(@RequestParam(required = false) @Nullable UUID channelId,
			@RequestParam(required = false) @Nullable String network,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String assigneeId,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String sla,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String sentiment,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		Checked filters = filters(network, status, language, sentiment, assigneeId, sla, q);
		int size = size(limit);
		List<ConversationView> page = inbox.conversations(membership.workspaceId(),
				new InboxService.ConversationQuery(channelId, network, status, filters.assignee(),
						filters.unassigned(), InboxListFilters.tag(tag), sla, language, sentiment, filters.search()),
				cursor == null ? null : InboxListFilters.conversationCursor(cursor), size + 1);
		String next = page.size() > size ? InboxListFilters.conversationCursor(page.get(size - 1).id()) : null;
		return new Page<>(page.stream().limit(size).map(InboxApi::resource).toList(), next);
	}

	@Operation(summary = "A conversation with its items and our replies, oldest first")
	@GetMapping("/conversations/{id}")
	ConversationDetailResource conversation(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		InboxService.ConversationDetail detail = inbox.conversation(membership.workspaceId(), id);
		ConversationView c = detail.conversation();
		return new ConversationDetailResource(c.id(), c.channelId(), c.network(), c.kind(), c.status(), c.priority(),
				c.assigneeId(), c.createdAt(), c.lastActivityAt(), c.firstResponseAt(), c.resolvedAt(), c.tags(),
				c.teamId(), sla(c.sla()), detail.items().stream().map(item -> new ModeratedItemResource(resource(item, c.tags()),
						detail.moderation().stream().filter(m -> m.takenOn(item.id()))
							.map(ModerationApi::resource).toList()))
					.toList(),
				detail.replies().stream().map(InboxApi::resource).toList(),
				detail.notes().stream().map(NotesApi::resource).toList());
	}

	@Operation(summary = "Change a conversation's status (new, open, pending, resolved), priority (low, normal, high, "
			+ "urgent), assignee (a member of the workspace; null for nobody), team (teamId: the team handling it, "
			+ "whose SLA policy applies; null for none) or tags (the whole list: trimmed, lower case, at most 50 "
			+ "characters each and 20 in all)")
	@PatchMapping("/conversations/{id}")
	ConversationResource change(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		List<String> tags = null;
		if (body.containsKey("tags")) {
			if (body.get("tags") != null && !(body.get("tags") instanceof List)) {
				throw ChorusException.invalid("tags", "error.parameter", "tags");
			}
			tags = ConversationTags.of((List<?>) body.get("tags"), "tags", false);
		}
		InboxService.Change change = new InboxService.Change(string(body, "status"), string(body, "priority"),
				body.containsKey("assigneeId"), uuid(body, "assigneeId"), tags, body.containsKey("teamId"),
				uuid(body, "teamId"));
		return resource(inbox.change(membership, actor(), id, change));
	}

	@Operation(summary = "Reply through the conversation's channel, to inReplyToItemId or else to the newest message "
			+ "from someone else; 502/503 when the network failed (the reply is kept as failed and can be retried)")
	@PostMapping("/conversations/{id}/replies")
	ResponseEntity<ReplyResource> reply(@PathVariable UUID id, @RequestBody ReplyBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		ReplyView reply = replies.reply(membership, actor(), id, body.text(), body.inReplyToItemId());
		return ResponseEntity.created(URI.create("/api/v1/inbox/conversations/" + id + "/replies/" + reply.id()))
			.body(resource(reply));
	}

	@Operation(summary = "One of our replies in the conversation")
	@GetMapping("/conversations/{id}/replies/{replyId}")
	ReplyResource reply(@PathVariable UUID id, @PathVariable UUID replyId) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return inbox.conversation(membership.workspaceId(), id).replies().stream()
			.filter(r -> r.id().equals(replyId)).findFirst().map(InboxApi::resource)
			.orElseThrow(() -> ChorusException.notFound("reply"));
	}

	@Operation(summary = "Send a failed reply again (same text, same message answered, same idempotency key); 409 "
			+ "unless it failed")
	@PostMapping("/conversations/{id}/replies/{replyId}/retry")
	ReplyResource retry(@PathVariable UUID id, @PathVariable UUID replyId) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return resource(replies.retry(membership, actor(), id, replyId));
	}

	record SentimentBody(@Nullable String label) {
	}

	@Operation(summary = "Correct the sentiment of a message (negative, neutral or positive); what the analysis said "
			+ "is kept beside it, and the correction is audited")
	@PutMapping("/items/{id}/sentiment")
	ItemResource correctSentiment(@PathVariable UUID id, @RequestBody SentimentBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		if (body.label() == null || !InboxService.SENTIMENTS.contains(body.label())) {
			throw ChorusException.invalid("label", "inbox.sentiment.label.unknown");
		}
		ItemView item = inbox.correctSentiment(membership.workspaceId(), actor(), id, body.label());
		return resource(item, inbox.tagsOf(membership.workspaceId(), List.of(item.conversationId()))
			.getOrDefault(item.conversationId(), List.of()));
	}

	/** The list filters the item and conversation lists share, checked. */
	private Checked filters(@Nullable String network, @Nullable String status, @Nullable String language,
			@Nullable String sentiment, @Nullable String assigneeId, @Nullable String sla, @Nullable String q) {
		return InboxListFilters.check(network, status, language, sentiment, assigneeId, sla, q,
				currentUser.require().id().value());
	}

	@Operation(summary = "Every channel with where reading its inbox stands: status, last polls, last error, "
			+ "failures in a row, newest item, and lag (seconds since the last poll that got through)")
	@GetMapping("/channels")
	Page<ChannelIngestion> channels() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(inbox.ingestion(membership.workspaceId()));
	}

	private AuditActor actor() {
		return Callers.actor(currentUser);
	}

	private static int size(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_PAGE;
		}
		if (limit < 1 || limit > MAX_PAGE) {
			throw ChorusException.invalid("limit", "inbox.limit.range", MAX_PAGE);
		}
		return limit;
	}

	static @Nullable String string(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw ChorusException.invalid(field, "error.parameter", field);
	}

	static @Nullable UUID uuid(Map<String, Object> body, String field) {
		String value = string(body, field);
		return value == null ? null : InboxListFilters.uuid(field, value);
	}

	static ItemResource resource(ItemView item, List<String> tags) {
		SentimentResource sentiment = item.sentimentLabel() == null ? null
				: item.correction() == null
						? new SentimentResource(item.sentimentLabel(), item.sentimentScore(), null, null, null)
						: new SentimentResource(item.sentimentLabel(), item.sentimentScore(), item.correction().by(),
								item.correction().at(), item.correction().analysed());
		return new ItemResource(item.id(), item.conversationId(), item.channelId(), item.network(), item.type(),
				item.text(), new AuthorResource(item.author().handle(), item.author().displayName()),
				item.language(), sentiment, item.createdAt(), item.receivedAt(), item.url(), tags);
	}

	static ReplyResource resource(ReplyView r) {
		return new ReplyResource(r.id(), r.conversationId(), r.inReplyToItemId(), r.text(), r.status(), r.remoteId(),
				r.url(), r.errorKey(), r.errorDetail(), r.authorId(), r.createdAt(), r.sentAt(), r.deletedAt());
	}

	static ConversationResource resource(ConversationView c) {
		return new ConversationResource(c.id(), c.channelId(), c.network(), c.kind(), c.status(), c.priority(),
				c.assigneeId(), c.createdAt(), c.lastActivityAt(), c.firstResponseAt(), c.resolvedAt(), c.tags(),
				c.teamId(), sla(c.sla()));
	}

	static SlaResource sla(SlaClock.Readings readings) {
		return new SlaResource(readings.worst().key(), clock(readings.firstResponse()), clock(readings.resolution()));
	}

	private static ClockResource clock(SlaClock.Reading reading) {
		return new ClockResource(reading.state().key(), reading.dueAt(), reading.atRiskFrom(),
				reading.elapsed().toSeconds());
	}
}
