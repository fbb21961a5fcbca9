package app.chorus.channels.network.bluesky;

import static app.chorus.channels.network.bluesky.BlueskyStubs.DID;
import static app.chorus.channels.network.bluesky.BlueskyStubs.json;
import static app.chorus.channels.network.bluesky.BlueskyStubs.xrpcError;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.AccessTokenExpired;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.InboxPage;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.RemotePostRef;

/**
 * The inbox reads forwards although Bluesky's notifications page backwards: the cursor is a watermark, and a read
 * walks down from the newest notification to it.
 */
class BlueskyInboxTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String LIST = "/xrpc/app.bsky.notification.listNotifications";
	private static final String BOB = "did:plc:bobbobbobbobbobbobbobbob";
	private static final String OURS = "at://" + DID + "/app.bsky.feed.post/3lourpost2222";
	private static final String OURS_CID = "bafyreiours";
	private static final String OUR_ROOT = "at://" + DID + "/app.bsky.feed.post/3lourroot2222";

	private final BlueskyNetwork bluesky = BlueskyStubs.network(server);
	private final ChannelSession session = BlueskyStubs.session(server);

	private static Instant at(int minute) {
		return Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * minute);
	}

	private static String postUri(String rkey) {
		return "at://" + BOB + "/app.bsky.feed.post/" + rkey;
	}

	/** A notification as listNotifications returns it; {@code record} is the post that caused it. */
	private static Map<String, Object> notification(String rkey, String reason, Instant indexedAt,
			Map<String, Object> extraRecordFields) {
		Map<String, Object> record = new HashMap<>(Map.of("$type", "app.bsky.feed.post", "text", "text of " + rkey,
				"createdAt", indexedAt.minusSeconds(1).toString()));
		record.putAll(extraRecordFields);
		Map<String, Object> notification = new HashMap<>(Map.of("uri", postUri(rkey), "cid", "bafyrei" + rkey,
				"author", Map.of("did", BOB, "handle", "bob.test", "displayName", "Bob", "viewer", Map.of(), "labels",
						List.of()),
				"reason", reason, "record", record, "isRead", false, "indexedAt", indexedAt.toString(), "labels",
				List.of()));
		if (reason.equals("reply") || reason.equals("quote") || reason.equals("like")) {
			notification.put("reasonSubject", OURS);
		}
		return notification;
	}

	private static Map<String, Object> simple(String rkey, Instant indexedAt) {
		return notification(rkey, "mention", indexedAt, Map.of());
	}

	private static Map<String, Object> page(String cursor, List<Map<String, Object>> notifications) {
		Map<String, Object> page = new HashMap<>(Map.of("notifications", notifications, "priority", false));
		if (cursor != null) {
			page.put("cursor", cursor);
		}
		return page;
	}

	private void newestPage(Map<String, Object> page) {
		server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("cursor", absent()).willReturn(json(page)));
	}

	private void pageAt(String cursor, Map<String, Object> page) {
		server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("cursor", equalTo(cursor)).willReturn(json(page)));
	}

	@Test
	void theFirstReadTakesTheNewestPageMapsRepliesMentionsAndQuotesAndSkipsTheRest() {
		Map<String, Object> replyRecord = Map.of("reply", Map.of("root", Map.of("uri", OUR_ROOT, "cid", "bafyreiroot"),
				"parent", Map.of("uri", OURS, "cid", OURS_CID)));
		Map<String, Object> quoteRecord = Map.of("embed", Map.of("$type", "app.bsky.embed.record", "record",
				Map.of("uri", OURS, "cid", OURS_CID)));
		newestPage(page("c1", List.of(notification("like1", "like", at(5), Map.of()),
				notification("mention1", "mention", at(4), replyRecord),
				notification("reply1", "reply", at(3), replyRecord),
				notification("quote1", "quote", at(2), quoteRecord),
				notification("follow1", "follow", at(1), Map.of()))));

		InboxPage page = bluesky.read(session, null);

		assertThat(page.events()).extracting(InboxEvent::kind).containsExactly(Kind.QUOTE, Kind.REPLY, Kind.MENTION);
		InboxEvent reply = page.events().get(1);
		assertThat(reply.remoteId()).isEqualTo(postUri("reply1"));
		assertThat(reply.authorId()).isEqualTo(BOB);
		assertThat(reply.authorHandle()).isEqualTo("bob.test");
		assertThat(reply.authorDisplayName()).isEqualTo("Bob");
		assertThat(reply.text()).isEqualTo("text of reply1");
		assertThat(reply.url()).isEqualTo("https://bsky.app/profile/bob.test/post/reply1");
		assertThat(reply.createdAt()).isEqualTo(at(3).minusSeconds(1));
		assertThat(reply.post()).isEqualTo(new RemotePostRef(postUri("reply1"), "bafyreireply1", OUR_ROOT,
				"bafyreiroot"));
		assertThat(reply.subject()).isEqualTo(new RemotePostRef(OURS, OURS_CID, OUR_ROOT, "bafyreiroot"));
		assertThat(page.events().get(0).subject()).isEqualTo(new RemotePostRef(OURS, OURS_CID, null, null));
		assertThat(page.events().get(2).subject()).isEqualTo(new RemotePostRef(OURS, OURS_CID, OUR_ROOT,
				"bafyreiroot"));
		assertThat(page.cursor()).isNotNull();
		server.verify(1, getRequestedFor(urlPathEqualTo(LIST))
			.withQueryParam("reasons", havingExactly("reply", "mention", "quote"))
			.withHeader("Authorization", equalTo("Bearer " + session.credentials().accessToken())));
	}

	@Test
	void aNotificationTheAppViewIndexedLateBelowTheWatermarkIsDeliveredOnce() {
		newestPage(page(null, List.of(simple("m5", at(5)), simple("m4", at(4)))));
		String cursor = bluesky.read(session, null).cursor();
		server.resetAll();
		// r4b is dated before the watermark (m5) but appears only now
		newestPage(page(null, List.of(simple("m5", at(5)), simple("r4b", at(4)), simple("m4", at(4)))));

		InboxPage late = bluesky.read(session, cursor);
		assertThat(late.events()).extracting(InboxEvent::remoteId).containsExactly(postUri("r4b"));
		assertThat(bluesky.read(session, late.cursor()).events()).isEmpty();
	}

	@Test
	void aBusyAccountIsReadNoFurtherThanItsBoundBelowTheWatermark() {
		// as many notifications as a read looks at below the watermark, all within two minutes of it, and more behind
		List<Map<String, Object>> recent = new java.util.ArrayList<>();
		for (int i = BlueskyInbox.BELOW_WATERMARK; i > 0; i--) {
			recent.add(simple("b" + i, at(10).minusMillis(i * 100L)));
		}
		newestPage(page("p2", List.of(simple("top", at(10)))));
		String cursor = bluesky.read(session, null).cursor();
		server.resetAll();
		newestPage(page("p2", List.of(simple("new", at(11)), simple("top", at(10)))));
		pageAt("p2", page("p3", recent));
		pageAt("p3", page("p4", List.of(simple("older", at(9)))));

		InboxPage next = bluesky.read(session, cursor);

		// those below the watermark are delivered (never delivered before); the walk stops one past them, although
		// "older" is within two minutes of the watermark
		assertThat(next.events()).hasSize(BlueskyInbox.BELOW_WATERMARK + 1);
		assertThat(next.events().getLast().remoteId()).isEqualTo(postUri("new"));
		assertThat(next.events()).extracting(InboxEvent::remoteId).doesNotContain(postUri("older"));
		server.verify(0, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("cursor", equalTo("p4")));
		// and what the cursor remembers stays bounded
		assertThat(java.util.Base64.getUrlDecoder().decode(next.cursor()).length).isLessThan(
				BlueskyInbox.RECENT * 200);

		// yet it remembers every one the next walk below the watermark looks at: none is delivered again
		server.resetAll();
		newestPage(page("p1", List.of(simple("newer", at(12)), simple("new", at(11)), simple("top", at(10)))));
		pageAt("p1", page("p3", recent));
		pageAt("p3", page("p4", List.of(simple("older", at(9)))));
		assertThat(bluesky.read(session, next.cursor()).events()).extracting(InboxEvent::remoteId)
			.containsExactly(postUri("newer"));
	}

	@Test
	void laterReadsWalkBackToTheCursorAndReturnOnlyWhatIsNewOldestFirst() {
		newestPage(page("c1", List.of(simple("n3", at(3)), simple("n2", at(2)))));
		String cursor = bluesky.read(session, null).cursor();
		server.resetAll();
		// three new notifications, one of them at the same instant as the newest already read, then the old ones
		newestPage(page("p2", List.of(simple("n6", at(6)), simple("n5", at(5)))));
		pageAt("p2", page("p3", List.of(simple("n3b", at(3)), simple("n3", at(3)), simple("n2", at(2)))));
		pageAt("p3", page(null, List.of(simple("n1", at(1)))));

		InboxPage next = bluesky.read(session, cursor);

		// n1 was never delivered (the first read took only the newest page) and lies within LATE below the
		// watermark, where the AppView may index late: it is delivered now, and the walk stops below that window
		assertThat(next.events()).extracting(InboxEvent::remoteId)
			.containsExactly(postUri("n1"), postUri("n3b"), postUri("n5"), postUri("n6"));
		assertThat(next.more()).as("the walk reached the cursor: nothing to read again at once").isFalse();

		InboxPage nothingNew = bluesky.read(session, next.cursor());

		assertThat(nothingNew.events()).isEmpty();
		assertThat(nothingNew.cursor()).isEqualTo(next.cursor());
	}

	@Test
	void aWalkLongerThanTheLimitResumesWhereItStoppedAndSkipsNothing() {
		newestPage(page("c1", List.of(simple("old", at(0)))));
		String cursor = bluesky.read(session, null).cursor();
		server.resetAll();
		int pages = BlueskyInbox.MAX_PAGES;
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < pages; i++) {
			String rkey = "new" + (100 - i);
			expected.add(0, postUri(rkey));
			Map<String, Object> answer = page("p" + (i + 1), List.of(simple(rkey, at(100 - i))));
			if (i == 0) {
				newestPage(answer);
			}
			else {
				pageAt("p" + i, answer);
			}
		}
		pageAt("p" + pages, page("end", List.of(simple("new50", at(50)), simple("old", at(0)),
				simple("older", at(-5)))));

		InboxPage first = bluesky.read(session, cursor);

		assertThat(first.events()).extracting(InboxEvent::remoteId).containsExactlyElementsOf(expected);
		assertThat(first.more()).as("the walk stopped at its page limit").isTrue();
		server.verify(0, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("cursor", equalTo("p" + pages)));

		InboxPage rest = bluesky.read(session, first.cursor());

		assertThat(rest.events()).extracting(InboxEvent::remoteId).containsExactly(postUri("new50"));
		assertThat(rest.more()).isFalse();

		InboxPage nothingNew = bluesky.read(session, rest.cursor());

		assertThat(nothingNew.events()).isEmpty();
		assertThat(nothingNew.cursor()).isEqualTo(rest.cursor());
	}

	@Test
	void afterAnEmptyFirstReadEverythingThatArrivesIsReadEvenWhenItIsMoreThanAPage() {
		newestPage(page(null, List.of()));

		InboxPage empty = bluesky.read(session, null);

		assertThat(empty.events()).isEmpty();
		assertThat(empty.cursor()).isNotNull();
		server.resetAll();
		newestPage(page("p1", List.of(simple("n5", at(5)), simple("n4", at(4)))));
		pageAt("p1", page("p2", List.of(simple("n3", at(3)), simple("n2", at(2)))));
		pageAt("p2", page(null, List.of(simple("n1", at(1)))));

		InboxPage arrived = bluesky.read(session, empty.cursor());

		assertThat(arrived.events()).extracting(InboxEvent::remoteId)
			.containsExactly(postUri("n1"), postUri("n2"), postUri("n3"), postUri("n4"), postUri("n5"));
		InboxPage nothingNew = bluesky.read(session, arrived.cursor());
		assertThat(nothingNew.events()).isEmpty();
	}

	private static final String FEED = "/xrpc/app.bsky.feed.getAuthorFeed";
	private static final String THREAD = "/xrpc/app.bsky.feed.getPostThread";

	/** A post view as feeds and threads carry it. */
	private static Map<String, Object> postView(String uri, String authorDid, Instant indexedAt, long replies,
			Map<String, Object> viewer) {
		return Map.of("uri", uri, "cid", "bafyrei" + uri.substring(uri.lastIndexOf('/') + 1), "author",
				Map.of("did", authorDid, "handle", authorDid.equals(DID) ? "chorus.bsky.social" : "bob.test",
						"displayName", "Bob", "viewer", viewer),
				"record", Map.of("$type", "app.bsky.feed.post", "text", "text of " + uri.substring(uri.lastIndexOf('/')
						+ 1), "createdAt", indexedAt.toString(), "reply", Map.of("root", Map.of("uri", OURS, "cid",
								OURS_CID), "parent", Map.of("uri", OURS, "cid", OURS_CID))),
				"replyCount", replies, "indexedAt", indexedAt.toString());
	}

	private static Map<String, Object> reply(String rkey, String authorDid, Instant indexedAt) {
		return Map.of("$type", "app.bsky.feed.defs#threadViewPost", "post",
				postView(postUri(rkey), authorDid, indexedAt, 0, Map.of("muted", false, "blockedBy", false)));
	}

	/** The adapter as it reads {@code after} the fixed now of these tests. */
	private static BlueskyNetwork later(Duration after) {
		return BlueskyStubs.network(server, Clock.fixed(BlueskyStubs.NOW.plus(after), ZoneOffset.UTC));
	}

	/** The cursor of a first read at the fixed now, with nothing in the inbox yet. */
	private String firstReadOfAnEmptyInbox() {
		newestPage(page(null, List.of()));
		return later(Duration.ZERO).read(session, null).cursor();
	}

	@Test
	void aReplyTheAppViewIndexedBeforeOurPostIsFoundInTheThreadsOfOurPostsEveryFiveMinutes() {
		// the AppView never notifies a reply it indexed before the post it answers
		Instant t0 = BlueskyStubs.NOW;
		Instant posted = t0.minusSeconds(120);
		String cursor = firstReadOfAnEmptyInbox();
		server.verify(0, getRequestedFor(urlPathEqualTo(FEED)));

		String older = "at://" + DID + "/app.bsky.feed.post/3lolderpost22";
		String quiet = "at://" + DID + "/app.bsky.feed.post/3lquietpost22";
		String gone = "at://" + DID + "/app.bsky.feed.post/3lgonepost222";
		String beforeConnecting = "at://" + DID + "/app.bsky.feed.post/3lbeforepost2";
		server.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("actor", equalTo(DID)).willReturn(json(Map.of("feed",
				List.of(Map.of("post", postView(postUri("reposted"), BOB, posted, 4, Map.of()), "reason",
						Map.of("$type", "app.bsky.feed.defs#reasonRepost")),
						Map.of("post", postView(quiet, DID, posted, 0, Map.of())),
						Map.of("post", postView(gone, DID, posted, 2, Map.of())),
						Map.of("post", postView(OURS, DID, posted, 5, Map.of())),
						Map.of("post", postView(beforeConnecting, DID, t0.minus(Duration.ofMinutes(30)), 2, Map.of())),
						Map.of("post", postView(older, DID, t0.minus(Duration.ofHours(2)), 1, Map.of())))))));
		server.stubFor(get(urlPathEqualTo(THREAD)).withQueryParam("uri", equalTo(OURS)).willReturn(json(Map.of(
				"thread", Map.of("$type", "app.bsky.feed.defs#threadViewPost", "post",
						postView(OURS, DID, posted, 5, Map.of()), "replies", List.of(
								reply("raced", BOB, posted.minusSeconds(1)),
								reply("told", BOB, posted.plusSeconds(600)),
								reply("ourown", DID, posted.minusSeconds(1)),
								Map.of("$type", "app.bsky.feed.defs#threadViewPost", "post", postView(
										postUri("muted"), BOB, posted.minusSeconds(1), 0, Map.of("muted", true))),
								Map.of("$type", "app.bsky.feed.defs#blockedPost", "uri", postUri("blocked"),
										"blocked", true)))))));
		server.stubFor(get(urlPathEqualTo(THREAD)).withQueryParam("uri", equalTo(gone))
			.willReturn(xrpcError(400, "NotFound", "Post not found")));

		BlueskyNetwork fiveMinutesLater = later(BlueskyInbox.THREADS_EVERY);
		InboxPage found = fiveMinutesLater.read(session, cursor);

		assertThat(found.events()).extracting(InboxEvent::remoteId).containsExactly(postUri("raced"));
		InboxEvent raced = found.events().getFirst();
		assertThat(raced.kind()).isEqualTo(Kind.REPLY);
		assertThat(raced.authorHandle()).isEqualTo("bob.test");
		assertThat(raced.text()).isEqualTo("text of raced");
		assertThat(raced.subject()).isEqualTo(new RemotePostRef(OURS, OURS_CID, null, null));
		server.verify(1, getRequestedFor(urlPathEqualTo(FEED)).withQueryParam("filter",
				equalTo("posts_with_replies")));
		// the quiet post has no replies, two were indexed long before the first read, the gone one was deleted
		server.verify(2, getRequestedFor(urlPathEqualTo(THREAD)));
		server.verify(1, getRequestedFor(urlPathEqualTo(THREAD)).withQueryParam("uri", equalTo(OURS))
			.withQueryParam("depth", equalTo("1")));

		// not again within five minutes; then again (the inbox stores it once)
		assertThat(fiveMinutesLater.read(session, found.cursor()).events()).isEmpty();
		server.verify(1, getRequestedFor(urlPathEqualTo(FEED)));
		InboxPage again = later(Duration.ofMinutes(11)).read(session, found.cursor());
		assertThat(again.events()).extracting(InboxEvent::remoteId).containsExactly(postUri("raced"));
		server.verify(2, getRequestedFor(urlPathEqualTo(FEED)));
	}

	@Test
	void whenTheThreadsCannotBeReadTheNotificationsStillArriveAndTheNextReadLooksAgain() {
		String cursor = firstReadOfAnEmptyInbox();
		newestPage(page(null, List.of(simple("m1", BlueskyStubs.NOW.plusSeconds(60)))));
		server.stubFor(get(urlPathEqualTo(FEED)).willReturn(xrpcError(502, "UpstreamFailure", "Upstream Failure")));
		BlueskyNetwork sixMinutesLater = later(Duration.ofMinutes(6));

		InboxPage page = sixMinutesLater.read(session, cursor);

		assertThat(page.events()).extracting(InboxEvent::remoteId).containsExactly(postUri("m1"));
		server.stubFor(get(urlPathEqualTo(FEED)).willReturn(json(Map.of("feed", List.of()))));
		String notAgainYet = sixMinutesLater.read(session, page.cursor()).cursor();
		server.verify(1, getRequestedFor(urlPathEqualTo(FEED)));
		assertThat(later(Duration.ofMinutes(7)).read(session, notAgainYet).events()).isEmpty();
		server.verify(2, getRequestedFor(urlPathEqualTo(FEED)));
	}

	@Test
	void aThreadThatCannotBeReadIsSkippedAndTheOthersStillDelivered() {
		Instant posted = BlueskyStubs.NOW.minusSeconds(120);
		String cursor = firstReadOfAnEmptyInbox();
		String stuck = "at://" + DID + "/app.bsky.feed.post/3lstuckpost22";
		server.stubFor(get(urlPathEqualTo(FEED)).willReturn(json(Map.of("feed", List.of(
				Map.of("post", postView(stuck, DID, posted, 3, Map.of())),
				Map.of("post", postView(OURS, DID, posted, 1, Map.of())))))));
		server.stubFor(get(urlPathEqualTo(THREAD)).withQueryParam("uri", equalTo(stuck))
			.willReturn(xrpcError(502, "UpstreamFailure", "Upstream Failure")));
		server.stubFor(get(urlPathEqualTo(THREAD)).withQueryParam("uri", equalTo(OURS)).willReturn(json(Map.of(
				"thread", Map.of("$type", "app.bsky.feed.defs#threadViewPost", "post",
						postView(OURS, DID, posted, 1, Map.of()), "replies",
						List.of(reply("raced", BOB, posted.minusSeconds(1))))))));

		InboxPage found = later(BlueskyInbox.THREADS_EVERY).read(session, cursor);

		assertThat(found.events()).extracting(InboxEvent::remoteId).containsExactly(postUri("raced"));
		later(Duration.ofMinutes(7)).read(session, found.cursor());
		server.verify(1, getRequestedFor(urlPathEqualTo(FEED)));
	}

	@Test
	void anExpiredSessionDuringTheLookFailsTheReadSoThatTheSessionIsRefreshed() {
		String cursor = firstReadOfAnEmptyInbox();
		server.stubFor(get(urlPathEqualTo(FEED)).willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));

		assertThatThrownBy(() -> later(BlueskyInbox.THREADS_EVERY).read(session, cursor))
			.isInstanceOf(AccessTokenExpired.class);
	}

	@Test
	void aLookReadsAtMostTenThreads() {
		Instant posted = BlueskyStubs.NOW.minusSeconds(120);
		String cursor = firstReadOfAnEmptyInbox();
		List<Map<String, Object>> feed = new ArrayList<>();
		for (int i = 0; i < BlueskyInbox.THREADS_PER_LOOK + 5; i++) {
			feed.add(Map.of("post", postView("at://" + DID + "/app.bsky.feed.post/3lmanyposts" + (10 + i), DID, posted,
					1, Map.of())));
		}
		server.stubFor(get(urlPathEqualTo(FEED)).willReturn(json(Map.of("feed", feed))));
		server.stubFor(get(urlPathEqualTo(THREAD)).willReturn(json(Map.of("thread", Map.of("$type",
				"app.bsky.feed.defs#threadViewPost", "post", postView(OURS, DID, posted, 1, Map.of()))))));

		later(BlueskyInbox.THREADS_EVERY).read(session, cursor);

		server.verify(BlueskyInbox.THREADS_PER_LOOK, getRequestedFor(urlPathEqualTo(THREAD)));
	}

	@Test
	void aLookBlueskyRefusesIsTriedAgainFiveMinutesLaterNotAtEveryRead() {
		String cursor = firstReadOfAnEmptyInbox();
		server.stubFor(get(urlPathEqualTo(FEED)).willReturn(xrpcError(400, "InvalidRequest", "Unknown filter")));
		BlueskyNetwork sixMinutesLater = later(Duration.ofMinutes(6));

		String refused = sixMinutesLater.read(session, cursor).cursor();
		sixMinutesLater.read(session, refused);
		server.verify(1, getRequestedFor(urlPathEqualTo(FEED)));
		later(Duration.ofMinutes(11)).read(session, refused);
		server.verify(2, getRequestedFor(urlPathEqualTo(FEED)));
	}

	@Test
	void anAppViewOutageIsTheNetworkBeingUnavailable() {
		server.stubFor(get(urlPathEqualTo(LIST)).willReturn(xrpcError(502, "UpstreamFailure", "Upstream Failure")));

		assertThatThrownBy(() -> bluesky.read(session, null)).isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void aCursorFromSomewhereElseIsRefused() {
		assertThatThrownBy(() -> bluesky.read(session, "2026-03-01T10:00:00.000Z::bafyrei"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
