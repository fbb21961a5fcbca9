package app.chorus.channels.network.bluesky;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.chorus.channels.network.bluesky.Lexicon.AuthorFeed;
import app.chorus.channels.network.bluesky.Lexicon.FeedItem;
import app.chorus.channels.network.bluesky.Lexicon.Notification;
import app.chorus.channels.network.bluesky.Lexicon.Notifications;
import app.chorus.channels.network.bluesky.Lexicon.PostThread;
import app.chorus.channels.network.bluesky.Lexicon.ThreadItem;
import app.chorus.channels.network.bluesky.Lexicon.ThreadPost;
import app.chorus.channels.spi.AccessTokenExpired;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.InboxPage;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.RemotePostRef;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The inbox from {@code app.bsky.notification.listNotifications}: replies, mentions and quotes (likes, reposts and
 * follows are left out). Reading never marks notifications as seen at Bluesky.
 * <p>
 * Bluesky pages backwards (newest first, its cursor leads to older pages) while the SPI reads forwards (what came
 * after the cursor). The cursor Chorus keeps is therefore the adapter's own, opaque to callers: a <em>watermark</em>,
 * the newest {@code indexedAt} delivered and the notifications delivered at exactly that instant. A read pages
 * backwards from the newest notification until it meets the watermark, and returns everything newer, oldest first,
 * with the new watermark. When that takes more than {@value #MAX_PAGES} pages, the cursor also remembers where the
 * walk stopped, and the next read goes on from there before starting again at the newest; nothing between is skipped.
 * A {@code null} cursor reads only the newest page (connecting an account does not import its history); when the inbox
 * is empty then, the cursor becomes a watermark at the epoch, so whatever arrives before the next read is read whole.
 * <p>
 * The AppView may index a notification after a later one and still date it earlier (seen with a reply indexed after a
 * mention written after it), so every read also walks {@link #LATE} below the watermark, but no further than
 * {@link #BELOW_WATERMARK} notifications below it, and delivers what it finds there that it had not delivered; the SPI
 * lets an event come twice, and the inbox stores each once. The bound keeps a busy account (thousands of notifications
 * in two minutes) from being read again and again: at most half a page more per read, and a cursor that remembers at
 * most {@link #RECENT} notifications. Pages are as long as Bluesky allows ({@value #PAGE_SIZE}), so a busy account's
 * new notifications and the walk below the watermark mostly take one request.
 * <p>
 * The AppView never notifies a reply it indexed before the post it answers (it looks the parent's author up when it
 * indexes the reply, and not again when the parent comes): a reply written within moments of our post, or our post
 * indexed late, is missing from the notifications for good. So every {@link #THREADS_EVERY}, a read also looks at the
 * direct replies to our posts indexed since {@link #THREADS_OVERLAP} before the previous look (a day at most; the
 * first look reaches back that far before the first read, no further), and delivers those indexed before their post
 * or within {@link #RACED} after it; replies from accounts we muted or blocked are left out, as notifications leave
 * them out.
 * Replies further down those threads are not looked at. A look reads one page of {@value #OUR_POSTS} of our posts and
 * the threads of at most {@value #THREADS_PER_LOOK} of them that have replies, newest first, and starts no thread after
 * {@link #LOOK_BUDGET}, so that it never holds a read up for long (older posts are then not looked at). A thread
 * that cannot be read is skipped (the next look reads it only while the post is within its reach); when our posts
 * cannot be read, the notifications are still delivered and the look is tried again
 * {@link #LOOK_RETRY} later (or when a rate limit says); when Bluesky refuses it, {@link #THREADS_EVERY} later. An
 * expired session fails the whole read, to be refreshed.
 */
final class BlueskyInbox {

	/** The most {@code listNotifications} returns at once. */
	static final int PAGE_SIZE = 100;
	static final int MAX_PAGES = 10;
	/** How many notifications below the watermark a read looks at, at most. */
	static final int BELOW_WATERMARK = 50;
	/** How far below the watermark a read looks again for notifications the AppView indexed late. */
	static final Duration LATE = Duration.ofMinutes(2);
	/**
	 * How many of the notifications delivered within {@link #LATE} of the watermark a cursor remembers, newest first.
	 * Those the walk below the watermark looks at are among the newest {@link #BELOW_WATERMARK} delivered; twice that
	 * is the margin (one forgotten would be delivered again, and stored once). The cursor is written with every page
	 * stored, so it is kept small (it was four times the walk: 30 kB).
	 */
	static final int RECENT = 2 * BELOW_WATERMARK;

	/** How often a read also looks at the threads of our recent posts for replies Bluesky did not notify. */
	static final Duration THREADS_EVERY = Duration.ofMinutes(5);
	/**
	 * How far before the previous look a look reaches: a reply may be indexed a minute after its post, and the
	 * AppView's clock may not be ours.
	 */
	static final Duration THREADS_OVERLAP = Duration.ofMinutes(10);
	/** How far back the first look of a cursor written before looks existed reaches. */
	static final Duration THREADS_OF = Duration.ofHours(1);
	/** How far back our posts are looked at, at most (after a long pause in reading). */
	static final Duration THREADS_AT_MOST = Duration.ofDays(1);
	/** A reply indexed no later than this after the post it answers may have raced it and not been notified. */
	static final Duration RACED = Duration.ofMinutes(1);
	/** How many of our newest posts a look reads, at most. */
	static final int OUR_POSTS = 50;
	/** How many threads a look reads, at most. */
	static final int THREADS_PER_LOOK = 10;
	/** After this long, a look starts no further thread. */
	static final Duration LOOK_BUDGET = Duration.ofSeconds(15);
	/** How soon a look our posts could not be read for is tried again. */
	static final Duration LOOK_RETRY = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(BlueskyInbox.class);
	private static final List<String> REASONS = List.of("reply", "mention", "quote");

	private final Xrpc xrpc;
	private final Clock clock;

	BlueskyInbox(Xrpc xrpc, Clock clock) {
		this.xrpc = xrpc;
		this.clock = clock;
	}

	/**
	 * Everything up to {@code at} was delivered, and of what came at {@code at}, the notifications {@code uris};
	 * {@code recent} holds every notification delivered within {@link #LATE} of {@code at} (null in cursors written
	 * before it existed), so one indexed late below the watermark is told from one delivered already.
	 */
	record Watermark(Instant at, SortedSet<String> uris, java.util.@Nullable SortedMap<String, Instant> recent) {

		Watermark {
			uris = new TreeSet<>(uris);
			recent = recent == null ? null : new java.util.TreeMap<>(recent);
		}

		boolean delivered(Instant indexedAt, String uri) {
			if (indexedAt.equals(at) && uris.contains(uri)) {
				return true;
			}
			return recent == null ? indexedAt.isBefore(at) : recent.containsKey(uri);
		}
	}

	/**
	 * The watermark a read moves forward, one notification after another; what is kept of {@code recent} is trimmed
	 * once, when the read is done (a read may deliver hundreds of notifications).
	 */
	private static final class Advancing {

		private @Nullable Instant at;
		private final TreeSet<String> uris = new TreeSet<>();
		private final java.util.Map<String, Instant> recent = new java.util.HashMap<>();

		Advancing(@Nullable Watermark from) {
			if (from != null) {
				at = from.at();
				uris.addAll(from.uris());
				if (from.recent() != null) {
					recent.putAll(from.recent());
				}
			}
		}

		boolean started() {
			return at != null;
		}

		void advance(Instant indexedAt, String uri) {
			recent.put(uri, indexedAt);
			if (at == null || indexedAt.isAfter(at)) {
				at = indexedAt;
				uris.clear();
				uris.add(uri);
			}
			else if (indexedAt.equals(at)) {
				uris.add(uri);
			}
		}

		@Nullable Watermark watermark() {
			if (at == null) {
				return null;
			}
			Instant oldest = at.minus(LATE);
			// the newest are kept: the walk below the watermark goes no further than a page
			java.util.SortedMap<String, Instant> kept = new java.util.TreeMap<>();
			recent.entrySet()
				.stream()
				.filter(entry -> !entry.getValue().isBefore(oldest))
				.sorted(java.util.Map.Entry.<String, Instant>comparingByValue().reversed()
					.thenComparing(java.util.Map.Entry.comparingByKey()))
				.limit(RECENT)
				.forEach(entry -> kept.put(entry.getKey(), entry.getValue()));
			return new Watermark(at, uris, kept);
		}
	}

	/**
	 * @param since what earlier reads delivered (null before the first read)
	 * @param page Bluesky's cursor where an unfinished walk down to {@code since} goes on
	 * @param next the watermark to adopt once that walk is finished
	 * @param threads when the threads of our posts were last looked at, or the first read (null in cursors written
	 * before looks existed)
	 * @param lookAgainAt when a look that could not be done is tried again (null when none failed)
	 */
	record Cursor(@Nullable Watermark since, @Nullable String page, @Nullable Watermark next,
			@Nullable Instant threads, @Nullable Instant lookAgainAt) {
	}

	InboxPage read(ChannelSession session, @Nullable String cursor) {
		Cursor position = decode(cursor);
		Watermark since = position.since();
		Advancing next = new Advancing(position.next() != null ? position.next() : since);
		String page = position.page();
		List<Dated> fresh = new ArrayList<>();
		boolean caughtUp = false;
		int belowWatermark = 0;
		for (int pages = 0; pages < MAX_PAGES && !caughtUp; pages++) {
			Notifications answer = list(session, page);
			for (Notification notification : answer.all()) {
				Instant indexedAt = instant(notification.indexedAt());
				if (since != null && indexedAt.isBefore(since.at())
						&& (indexedAt.isBefore(since.at().minus(LATE)) || ++belowWatermark > BELOW_WATERMARK)) {
					caughtUp = true;
					break;
				}
				if (since == null || !since.delivered(indexedAt, notification.uri())) {
					fresh.add(new Dated(notification, indexedAt));
					next.advance(indexedAt, notification.uri());
				}
			}
			page = answer.cursor();
			caughtUp = caughtUp || since == null || page == null || answer.all().isEmpty();
		}
		Watermark reached = next.started() ? next.watermark()
				// nothing yet: from now on everything is new, however much of it comes before the next read
				: since == null ? new Watermark(Instant.EPOCH, new TreeSet<>(), new java.util.TreeMap<>()) : null;
		Instant now = clock.instant();
		Instant threads = since == null ? now : position.threads();
		Instant lookAgainAt = position.lookAgainAt();
		boolean lookDue = lookAgainAt != null ? !now.isBefore(lookAgainAt)
				: threads == null || !now.isBefore(threads.plus(THREADS_EVERY));
		if (since != null && caughtUp && lookDue) {
			try {
				Set<String> delivering = new HashSet<>();
				fresh.forEach(dated -> delivering.add(dated.notification().uri()));
				unnotifiedReplies(session, threads, now).stream()
					.filter(dated -> delivering.add(dated.notification().uri()))
					.forEach(fresh::add);
				threads = now;
				lookAgainAt = null;
			}
			catch (AccessTokenExpired expired) {
				throw expired;
			}
			catch (NetworkUnavailable ex) {
				lookAgainAt = ex.retryAt().filter(at -> at.isAfter(now.plus(LOOK_RETRY))).orElse(now.plus(LOOK_RETRY));
				log.warn("Could not look for Bluesky replies that were not notified to {}; looking again at {}: {}",
						session.accountId(), lookAgainAt, ex.getMessage());
			}
			catch (IllegalArgumentException refused) {
				log.warn("Bluesky refused the look for replies that were not notified to {}; looking again in {}: {}",
						session.accountId(), THREADS_EVERY, refused.getMessage());
				lookAgainAt = now.plus(THREADS_EVERY);
			}
		}
		List<InboxEvent> events = fresh.stream()
			.sorted(Comparator.comparing(Dated::indexedAt).thenComparing(dated -> dated.notification().uri()))
			.map(dated -> event(session, dated))
			.filter(event -> event != null)
			.toList();
		Cursor after = caughtUp ? new Cursor(reached, null, null, threads, lookAgainAt)
				: new Cursor(since, page, reached, position.threads(), position.lookAgainAt());
		return new InboxPage(events, after.since() == null ? cursor : encode(after), !caughtUp);
	}

	/**
	 * Direct replies to our posts that the AppView indexed before (or just after) the post, as the notifications they
	 * should have been; {@code previous} is when the threads were last looked at (or the first read).
	 */
	private List<Dated> unnotifiedReplies(ChannelSession session, @Nullable Instant previous, Instant now) {
		Instant from = previous == null ? now.minus(THREADS_OF) : previous.minus(THREADS_OVERLAP);
		if (from.isBefore(now.minus(THREADS_AT_MOST))) {
			from = now.minus(THREADS_AT_MOST);
		}
		long started = System.nanoTime();
		int looked = 0;
		List<Dated> replies = new ArrayList<>();
		for (FeedItem item : ourPosts(session)) {
			ThreadPost ours = item.post();
			Instant indexed = instant(ours.indexedAt());
			if (item.reason() != null || !ours.author().did().equals(session.accountId()) || indexed.isBefore(from)
					|| (ours.replyCount() != null && ours.replyCount() == 0)) {
				continue;
			}
			if (looked++ == THREADS_PER_LOOK || System.nanoTime() - started > LOOK_BUDGET.toNanos()) {
				log.info("Looked at {} threads of {}'s newest posts for replies that were not notified; older posts "
						+ "with replies are not looked at", looked - 1, session.accountId());
				break;
			}
			for (ThreadItem reply : replies(session, ours.uri())) {
				ThreadPost post = reply.post();
				if (post == null || post.author().did().equals(session.accountId()) || post.author().silenced()) {
					continue;
				}
				Instant replyIndexed = instant(post.indexedAt());
				if (!replyIndexed.isAfter(indexed.plus(RACED))) {
					replies.add(new Dated(new Notification(post.uri(), post.cid(), post.author(), "reply", ours.uri(),
							post.record(), post.indexedAt()), replyIndexed));
				}
			}
		}
		return replies;
	}

	private List<FeedItem> ourPosts(ChannelSession session) {
		try {
			return xrpc.query(session.endpoint(), "app.bsky.feed.getAuthorFeed",
					List.of(new Xrpc.Param("actor", session.accountId()),
							new Xrpc.Param("limit", Integer.toString(OUR_POSTS)),
							new Xrpc.Param("filter", "posts_with_replies")),
					session.credentials().accessToken(), AuthorFeed.class).all();
		}
		catch (XrpcException failure) {
			throw Failures.of(failure);
		}
	}

	/**
	 * The direct replies to a post of ours; none when the post is gone, or when its thread cannot be read now (the
	 * next look reads it again, while the post is within its reach).
	 */
	private List<ThreadItem> replies(ChannelSession session, String uri) {
		try {
			return xrpc.query(session.endpoint(), "app.bsky.feed.getPostThread",
					List.of(new Xrpc.Param("uri", uri), new Xrpc.Param("depth", "1"),
							new Xrpc.Param("parentHeight", "0")),
					session.credentials().accessToken(), PostThread.class).thread().allReplies();
		}
		catch (XrpcException failure) {
			if ("NotFound".equals(failure.error())) {
				return List.of();
			}
			RuntimeException meaning = Failures.of(failure);
			if (meaning instanceof AccessTokenExpired || failure.credentialsRefused()) {
				throw meaning;
			}
			log.warn("Could not read the thread of {} to look for replies that were not notified: {}", uri,
					failure.getMessage());
			return List.of();
		}
	}

	/** A notification with its {@code indexedAt} read once. */
	private record Dated(Notification notification, Instant indexedAt) {
	}

	private Notifications list(ChannelSession session, @Nullable String page) {
		List<Xrpc.Param> params = new ArrayList<>();
		params.add(new Xrpc.Param("limit", Integer.toString(PAGE_SIZE)));
		REASONS.forEach(reason -> params.add(new Xrpc.Param("reasons", reason)));
		if (page != null) {
			params.add(new Xrpc.Param("cursor", page));
		}
		try {
			return xrpc.query(session.endpoint(), "app.bsky.notification.listNotifications", params,
					session.credentials().accessToken(), Notifications.class);
		}
		catch (XrpcException failure) {
			throw Failures.of(failure);
		}
	}

	private @Nullable InboxEvent event(ChannelSession session, Dated dated) {
		Notification notification = dated.notification();
		Kind kind = switch (notification.reason()) {
			case "reply" -> Kind.REPLY;
			case "mention" -> Kind.MENTION;
			case "quote" -> Kind.QUOTE;
			default -> null;
		};
		if (kind == null) {
			return null;
		}
		JsonNode record = notification.record();
		Instant indexedAt = dated.indexedAt();
		Instant createdAt = record.path("createdAt").isString() ? instantOr(record.path("createdAt").stringValue(),
				indexedAt) : indexedAt;
		JsonNode root = record.path("reply").path("root");
		RemotePostRef post = new RemotePostRef(notification.uri(), notification.cid(),
				string(root, "uri"), string(root, "cid"));
		var author = notification.author();
		return new InboxEvent(notification.uri(), kind, author.did(), author.handle(), author.displayName(),
				record.path("text").asString(""),
				BlueskyPublisher.WEB_APP + "/profile/" + author.handle() + "/post/"
						+ AtUri.parse(notification.uri()).rkey(),
				createdAt, post, subject(session, kind, notification));
	}

	/** The post of ours it answers or quotes: the reply's parent, the quoted record, or what Bluesky names. */
	private static @Nullable RemotePostRef subject(ChannelSession session, Kind kind, Notification notification) {
		JsonNode record = notification.record();
		JsonNode parent = record.path("reply").path("parent");
		JsonNode root = record.path("reply").path("root");
		String parentUri = string(parent, "uri");
		RemotePostRef parentRef = parentUri == null ? null
				: new RemotePostRef(parentUri, string(parent, "cid"),
						parentUri.equals(string(root, "uri")) ? null : string(root, "uri"),
						parentUri.equals(string(root, "uri")) ? null : string(root, "cid"));
		String reasonSubject = notification.reasonSubject();
		return switch (kind) {
			case REPLY -> parentRef != null && (reasonSubject == null || reasonSubject.equals(parentUri)) ? parentRef
					: reasonSubject == null ? null : RemotePostRef.of(reasonSubject);
			case QUOTE -> {
				JsonNode embed = record.path("embed");
				JsonNode quoted = embed.path("record").has("record") ? embed.path("record").path("record")
						: embed.path("record");
				String quotedUri = string(quoted, "uri");
				yield quotedUri != null ? new RemotePostRef(quotedUri, string(quoted, "cid"), null, null)
						: reasonSubject == null ? null : RemotePostRef.of(reasonSubject);
			}
			case MENTION -> parentRef != null && ownedBy(session, parentRef.id()) ? parentRef : null;
			default -> null;
		};
	}

	private static boolean ownedBy(ChannelSession session, String uri) {
		return uri.startsWith("at://" + session.accountId() + "/");
	}

	private static @Nullable String string(JsonNode node, String field) {
		return node.path(field).isString() ? node.path(field).stringValue() : null;
	}

	private static Instant instant(String timestamp) {
		try {
			return Instant.parse(timestamp);
		}
		catch (DateTimeParseException ex) {
			throw new NetworkUnavailable("Bluesky sent a notification whose indexedAt is not a time: " + timestamp, ex);
		}
	}

	private static Instant instantOr(String timestamp, Instant fallback) {
		try {
			return Instant.parse(timestamp);
		}
		catch (DateTimeParseException ex) {
			// createdAt is what the author's client claimed; indexedAt is the AppView's own
			return fallback;
		}
	}

	private String encode(Cursor cursor) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(xrpc.json().writeValueAsBytes(cursor));
	}

	private Cursor decode(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return new Cursor(null, null, null, null, null);
		}
		try {
			Cursor decoded = xrpc.json().readValue(Base64.getUrlDecoder().decode(cursor), Cursor.class);
			if (decoded == null) {
				throw new IllegalArgumentException("not a Bluesky inbox cursor: " + cursor);
			}
			return decoded;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new IllegalArgumentException("not a Bluesky inbox cursor: " + cursor, ex);
		}
	}
}
