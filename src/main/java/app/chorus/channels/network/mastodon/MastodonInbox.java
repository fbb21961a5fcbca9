package app.chorus.channels.network.mastodon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.core.type.TypeReference;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.InboxPage;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.RemotePostRef;

/**
 * Reading the inbox forward, oldest first. Two sources: {@code GET /api/v1/notifications} with
 * {@code types[]=mention&types[]=quote} (servers without quote posts ignore the type they do not know), and
 * {@code GET /api/v1/conversations} for private mentions.
 * <p>
 * Cursor semantics: each source is read with {@code min_id} = its part of the cursor, which returns the page of items
 * <em>immediately</em> newer than it (with {@code since_id} Mastodon would return the newest page and skip whatever
 * lies between). The next cursor is the {@code min_id} of the answer's {@code Link rel="prev"}, which for
 * conversations is a status id, not the conversation's; without a Link header the largest id on the page is used.
 * A first read (no cursor) returns the newest page and positions after it. When more arrived than one page holds, the
 * next read continues where this one stopped, so nothing is skipped.
 * <p>
 * An event's {@code remoteId} is the id of the status that carries the message, so a private mention seen both as a
 * notification and in its conversation is one event.
 */
final class MastodonInbox {

	static final int NOTIFICATIONS_PAGE = 40;
	static final int CONVERSATIONS_PAGE = 40;

	private static final TypeReference<List<MastodonNotification>> NOTIFICATIONS = new TypeReference<>() {
	};
	private static final TypeReference<List<MastodonConversation>> CONVERSATIONS = new TypeReference<>() {
	};

	private final MastodonClient client;

	MastodonInbox(MastodonClient client) {
		this.client = client;
	}

	InboxPage read(ChannelSession session, @Nullable String cursorText) {
		InboxCursor cursor = InboxCursor.parse(cursorText);
		String me = session.accountId();
		String domain = InstanceUrl.handleDomain(session);
		Map<String, InboxEvent> events = new LinkedHashMap<>();

		MultiValueMap<String, String> query = page(cursor.notifications(), NOTIFICATIONS_PAGE);
		query.add("types[]", "mention");
		query.add("types[]", "quote");
		MastodonClient.Answer notificationsAnswer = MastodonAnswers.fetch(session, "notifications",
				() -> client.get(MastodonClient.uri(session.endpoint(), "/api/v1/notifications", Map.of(), query),
						session.credentials().accessToken()));
		List<MastodonNotification> notifications = MastodonAnswers.parse(session,
				() -> MastodonJson.readList(notificationsAnswer.body(), NOTIFICATIONS));
		for (MastodonNotification notification : notifications) {
			InboxEvent event = fromNotification(notification, me, domain);
			if (event != null) {
				events.putIfAbsent(event.remoteId(), event);
			}
		}

		MastodonClient.Answer conversationsAnswer = MastodonAnswers.fetch(session, "conversations",
				() -> client.get(MastodonClient.uri(session.endpoint(), "/api/v1/conversations", Map.of(),
						page(cursor.conversations(), CONVERSATIONS_PAGE)), session.credentials().accessToken()));
		List<MastodonConversation> conversations = MastodonAnswers.parse(session,
				() -> MastodonJson.readList(conversationsAnswer.body(), CONVERSATIONS));
		for (MastodonConversation conversation : conversations) {
			MastodonStatus status = conversation.lastStatus();
			if (status != null && status.account() != null && !status.account().id().equals(me)) {
				InboxEvent event = event(Kind.DM, status, status.account(), me, domain, null);
				events.putIfAbsent(event.remoteId(), event);
			}
		}

		InboxCursor next = cursor.advance(
				newerThan(notificationsAnswer, notifications, MastodonNotification::id),
				newerThan(conversationsAnswer, conversations,
						conversation -> conversation.lastStatus() == null ? null : conversation.lastStatus().id()));
		List<InboxEvent> ordered = new ArrayList<>(events.values());
		ordered.sort(Comparator.comparing(InboxEvent::createdAt)
			.thenComparing(InboxEvent::remoteId, MastodonInbox::compareIds));
		// a full page may have more behind it; one that is not full brought everything there was
		boolean more = notifications.size() >= NOTIFICATIONS_PAGE || conversations.size() >= CONVERSATIONS_PAGE;
		return new InboxPage(ordered, next.equals(cursor) ? cursorText : next.format(), more);
	}

	private static MultiValueMap<String, String> page(@Nullable String minId, int limit) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("limit", Integer.toString(limit));
		if (minId != null) {
			query.add("min_id", minId);
		}
		return query;
	}

	private static @Nullable InboxEvent fromNotification(MastodonNotification notification, String me, String domain) {
		MastodonStatus status = notification.status();
		MastodonAccount author = status != null && status.account() != null ? status.account() : notification.account();
		if (status == null || author == null || author.id().equals(me)) {
			return null;
		}
		return switch (notification.type()) {
			case "mention" -> mention(status, author, me, domain);
			case "quote" -> {
				String quoted = status.quote() == null ? null : status.quote().quotedId();
				yield event(Kind.QUOTE, status, author, me, domain, quoted == null ? null : RemotePostRef.of(quoted));
			}
			default -> null;
		};
	}

	/**
	 * A status that mentions the account {@code me} or answers one of its statuses: a direct message when its
	 * visibility is {@code direct}, a reply when it answers {@code me}, else a mention. Polling and webhooks both make
	 * their events here, so a status seen both ways is the same event.
	 */
	static InboxEvent mention(MastodonStatus status, MastodonAccount author, String me, String domain) {
		if ("direct".equals(status.visibility())) {
			return event(Kind.DM, status, author, me, domain, null);
		}
		boolean answersUs = me.equals(status.inReplyToAccountId()) && status.inReplyToId() != null;
		return event(answersUs ? Kind.REPLY : Kind.MENTION, status, author, me, domain, null);
	}

	private static InboxEvent event(Kind kind, MastodonStatus status, MastodonAccount author, String me,
			String domain, @Nullable RemotePostRef quoted) {
		RemotePostRef subject = quoted;
		if (subject == null && me.equals(status.inReplyToAccountId()) && status.inReplyToId() != null) {
			subject = RemotePostRef.of(status.inReplyToId());
		}
		String text = StatusHtml.toPlainText(status.content());
		if (status.spoilerText() != null && !status.spoilerText().isBlank()) {
			text = text.isEmpty() ? status.spoilerText() : status.spoilerText() + "\n\n" + text;
		}
		Instant createdAt = status.createdAt() != null ? status.createdAt() : Instant.EPOCH;
		return new InboxEvent(status.id(), kind, author.id(), author.handle(domain), author.displayNameOrNull(), text,
				status.link(), createdAt, RemotePostRef.of(status.id()), subject);
	}

	/** The Link header's position, else the largest id on the page; {@code null} for an empty page. */
	private static <T> @Nullable String newerThan(MastodonClient.Answer answer, List<T> items,
			Function<T, @Nullable String> pagingId) {
		if (items.isEmpty()) {
			return null;
		}
		String linked = LinkHeader.newerThan(answer.headers("Link"));
		if (linked != null) {
			return linked;
		}
		return items.stream().map(pagingId).filter(id -> id != null).max(MastodonInbox::compareIds).orElse(null);
	}

	/** Mastodon ids are numbers in strings: longer is larger, then by characters. */
	static int compareIds(String a, String b) {
		return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}
}
