package app.chorus.channels.network.bluesky;

import static app.chorus.channels.network.bluesky.BlueskyStubs.DID;
import static app.chorus.channels.network.bluesky.BlueskyStubs.body;
import static app.chorus.channels.network.bluesky.BlueskyStubs.json;
import static app.chorus.channels.network.bluesky.BlueskyStubs.xrpcError;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.chorus.channels.spi.AuthMethod;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MetricsReading.PostMetrics;
import app.chorus.channels.spi.Moderating.Action;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublicProfileReading.PublicProfile;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.Surface;
import tools.jackson.databind.JsonNode;

/** Counts, moderation, public profiles and the adapter's identity. */
class BlueskyNetworkTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String TROLL = "did:plc:trolltrolltrolltrolltrol";

	private final BlueskyNetwork bluesky = BlueskyStubs.network(server);
	private final ChannelSession session = BlueskyStubs.session(server);

	private static String ours(int i) {
		return "at://" + DID + "/app.bsky.feed.post/3lpost" + String.format("%07d", i);
	}

	private static Map<String, Object> postView(String uri, int likes, int reposts, int replies, int quotes) {
		Map<String, Object> view = new HashMap<>(Map.of("uri", uri, "cid", "bafyrei" + uri.hashCode(), "author",
				Map.of("did", DID, "handle", "chorus.bsky.social"), "record",
				Map.of("$type", "app.bsky.feed.post", "text", "hello", "createdAt", "2026-03-01T10:00:00.000Z"),
				"likeCount", likes, "repostCount", reposts, "replyCount", replies, "quoteCount", quotes));
		view.put("indexedAt", "2026-03-01T10:00:01.000Z");
		view.put("labels", List.of());
		return view;
	}

	@Test
	void metricsComeTwentyFivePostsAtATimeAndLeaveOutPostsThatAreGone() {
		List<RemotePostRef> posts = IntStream.range(0, 30).mapToObj(i -> RemotePostRef.of(ours(i))).toList();
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(ours(0)))
			.willReturn(json(Map.of("posts", IntStream.range(0, 25).filter(i -> i != 7)
				.mapToObj(i -> postView(ours(i), i, 2, 3, 4)).toList()))));
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(ours(25)))
			.willReturn(json(Map.of("posts", IntStream.range(25, 30).mapToObj(i -> postView(ours(i), i, 0, 0, 0))
				.toList()))));

		Map<String, PostMetrics> metrics = bluesky.metrics(session, posts);

		assertThat(metrics).hasSize(29).doesNotContainKey(ours(7));
		assertThat(metrics.get(ours(3))).isEqualTo(new PostMetrics(3, 2, 3, 4, -1));
		assertThat(metrics.get(ours(29))).isEqualTo(new PostMetrics(29, 0, 0, 0, -1));
		List<LoggedRequest> calls = server.findAll(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")));
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).queryParameter("uris").values()).hasSize(25);
		assertThat(calls.get(1).queryParameter("uris").values()).hasSize(5);
	}

	@Test
	void blockingWritesABlockRecordForTheAccount() {
		server.stubFor(post("/xrpc/com.atproto.repo.createRecord").willReturn(json(Map.of("uri",
				"at://" + DID + "/app.bsky.graph.block/3lblock222222", "cid", "bafyreiblock"))));

		bluesky.moderate(session, Action.BLOCK, TROLL);

		List<LoggedRequest> writes = server
			.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")));
		assertThat(writes).hasSize(1);
		JsonNode input = body(writes.get(0));
		assertThat(input.path("repo").asString()).isEqualTo(DID);
		assertThat(input.path("collection").asString()).isEqualTo("app.bsky.graph.block");
		assertThat(input.path("record").path("$type").asString()).isEqualTo("app.bsky.graph.block");
		assertThat(input.path("record").path("subject").asString()).isEqualTo(TROLL);
		assertThat(input.path("record").path("createdAt").asString()).isEqualTo("2026-03-01T12:00:00.000Z");
	}

	@Test
	void mutingAHandleResolvesItAndMutesTheAccount() {
		server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.withQueryParam("handle", equalTo("troll.test")).willReturn(json(Map.of("did", TROLL))));
		server.stubFor(post("/xrpc/app.bsky.graph.muteActor").willReturn(json("{}")));

		bluesky.moderate(session, Action.MUTE, "@troll.test");

		List<LoggedRequest> mutes = server.findAll(postRequestedFor(urlPathEqualTo("/xrpc/app.bsky.graph.muteActor")));
		assertThat(mutes).hasSize(1);
		assertThat(body(mutes.get(0)).path("actor").asString()).isEqualTo(TROLL);
	}

	@Test
	void reportingFilesAReportOfTheAccount() {
		server.stubFor(post("/xrpc/com.atproto.moderation.createReport").willReturn(json(Map.of("id", 1,
				"reasonType", "com.atproto.moderation.defs#reasonOther", "subject",
				Map.of("$type", "com.atproto.admin.defs#repoRef", "did", TROLL), "reportedBy", DID, "createdAt",
				"2026-03-01T12:00:00.000Z"))));

		bluesky.moderate(session, Action.REPORT, TROLL, "Impersonates our support account");

		JsonNode input = body(server.findAll(postRequestedFor(
				urlPathEqualTo("/xrpc/com.atproto.moderation.createReport"))).get(0));
		assertThat(input.path("reason").asString()).isEqualTo("Impersonates our support account");
		assertThat(input.path("reasonType").asString()).isEqualTo("com.atproto.moderation.defs#reasonOther");
		assertThat(input.path("subject").path("$type").asString()).isEqualTo("com.atproto.admin.defs#repoRef");
		assertThat(input.path("subject").path("did").asString()).isEqualTo(TROLL);
	}

	/** A reply by the troll in the thread rooted at {@code root}. */
	private static void aReplyIn(String reply, String root) {
		Map<String, Object> view = postView(reply, 0, 0, 0, 0);
		view.put("author", Map.of("did", TROLL, "handle", "troll.test"));
		view.put("record", Map.of("$type", "app.bsky.feed.post", "text", "spam", "createdAt",
				"2026-03-01T10:00:00.000Z", "reply", Map.of("root", Map.of("uri", root, "cid", "bafyreiroot"),
						"parent", Map.of("uri", root, "cid", "bafyreiroot"))));
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(reply))
			.willReturn(json(Map.of("posts", List.of(view)))));
	}

	@Test
	void hidingIsOfferedButOnlyForRepliesInThreadsTheAccountStarted() {
		assertThat(bluesky.actions()).containsExactlyInAnyOrder(Action.HIDE, Action.DELETE, Action.BLOCK,
				Action.MUTE, Action.REPORT);
		String reply = "at://" + TROLL + "/app.bsky.feed.post/3lreply0000001";
		aReplyIn(reply, "at://did:plc:someoneelsesomeoneelse22/app.bsky.feed.post/3lroot00000001");

		assertThatThrownBy(() -> bluesky.moderate(session, Action.HIDE, reply))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thread the account started");
		server.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aThreadHidesAtMostFiftyRepliesAndHidingOneTwiceWritesNothing() {
		String reply = "at://" + TROLL + "/app.bsky.feed.post/3lreply0000002";
		aReplyIn(reply, ours(7));
		List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "at://" + TROLL + "/app.bsky.feed.post/h" + i)
			.toList();
		server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
			.withQueryParam("rkey", equalTo("3lpost0000007")).willReturn(json(Map.of("uri",
					"at://" + DID + "/app.bsky.feed.threadgate/3lpost0000007", "cid", "bafyreigate", "value",
					Map.of("$type", "app.bsky.feed.threadgate", "post", ours(7), "createdAt",
							"2026-03-01T10:00:00.000Z", "hiddenReplies", fifty)))));

		assertThatThrownBy(() -> bluesky.moderate(session, Action.HIDE, reply))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 50");
		aReplyIn(fifty.get(3), ours(7));
		bluesky.moderate(session, Action.HIDE, fifty.get(3));
		server.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void moderationDuringAnOutageIsTheNetworkBeingUnavailable() {
		server.stubFor(post("/xrpc/app.bsky.graph.muteActor")
			.willReturn(xrpcError(503, "NotEnoughResources", "Service Unavailable")));

		assertThatThrownBy(() -> bluesky.moderate(session, Action.MUTE, TROLL))
			.isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void aPublicProfileCarriesItsCounts() {
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor",
				equalTo("rival.bsky.social")).willReturn(json(Map.of("did", "did:plc:rival", "handle",
						"rival.bsky.social", "displayName", "Rival Co", "description", "We also post",
						"followersCount", 1200, "followsCount", 80, "postsCount", 3400, "indexedAt",
						"2026-01-01T00:00:00.000Z"))));

		PublicProfile profile = bluesky.profile(session, "@rival.bsky.social");

		assertThat(profile).isEqualTo(new PublicProfile("did:plc:rival", "rival.bsky.social", "Rival Co",
				"We also post", 1200, 80, 3400));
	}

	@Test
	void anUnknownProfileIsRefused() {
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
			.willReturn(xrpcError(400, "InvalidRequest", "Profile not found")));

		assertThatThrownBy(() -> bluesky.profile(session, "nobody.test")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void itIsBlueskyWithAppPasswordsAndThreeHundredCharacterPosts() {
		assertThat(bluesky.key()).isEqualTo(NetworkKey.BLUESKY);
		assertThat(bluesky.auth()).isEqualTo(AuthMethod.APP_PASSWORD);
		assertThat(bluesky.rules().check(PostVariant.text(Surface.BLUESKY_POST, "a".repeat(300)))).isEmpty();
		assertThat(bluesky.rules().check(PostVariant.text(Surface.BLUESKY_POST, "a".repeat(301)))).singleElement()
			.extracting("field", "rule").containsExactly("text", "rule.text.too-long");
	}
}
