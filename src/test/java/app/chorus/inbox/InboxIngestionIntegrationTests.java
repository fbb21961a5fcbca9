package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static app.chorus.inbox.BlueskyNotifications.notification;
import static app.chorus.inbox.BlueskyNotifications.postUri;
import static app.chorus.inbox.BlueskyNotifications.quoting;
import static app.chorus.inbox.BlueskyNotifications.replyTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;

/**
 * Reading a Bluesky channel's inbox (its server answering as the lexicon documents, WireMock): every message stored
 * once across overlapping polls and restarts, nothing lost in an outage, messages grouped into conversations, and
 * hostile content kept exactly as it came.
 */
@ChorusIntegrationTest
class InboxIngestionIntegrationTests {

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	JdbcClient jdbc;

	Api api;
	Membership workspace;
	String token;
	String did;
	String ourPost;
	static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

	@BeforeEach
	void aWorkspaceWithABlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("inbox");
		token = world.token(world.owner(workspace), workspace);
		did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		ourPost = postUri(did, "3lourpost2222");
	}

	private String connect() {
		return api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(), "handle",
				"brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
	}

	private Map<String, Object> reply(String rkey, Instant at) {
		return notification(rkey, "reply", "reply " + rkey, at, replyTo(ourPost, ourPost), ourPost);
	}

	private void poll(String channel) {
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();
	}

	private JsonNode items(String channel) {
		Api.Response answer = api.get("/api/v1/inbox/items?channelId=" + channel, token);
		assertThat(answer.status()).isEqualTo(200);
		return answer.json().get("items");
	}

	private List<String> ids(String channel) {
		List<String> urls = new ArrayList<>();
		items(channel).forEach(item -> urls.add(item.get("url").asString()));
		return urls;
	}

	private long stored(String channel) {
		return jdbc.sql("select count(*) from inbox.items where channel_id = ?").param(UUID.fromString(channel))
			.query(Long.class).single();
	}

	private String cursor(String channel) {
		return jdbc.sql("select cursor from inbox.channel_states where channel_id = ?")
			.param(UUID.fromString(channel)).query(String.class).single();
	}

	@Test
	void eachMessageIsStoredOnceAcrossOverlappingPollsAndRestartsNewestFirst() throws Exception {
		newest(pds, List.of(reply("r2", T.plusSeconds(2)), reply("r1", T.plusSeconds(1))));
		String channel = connect();
		poll(channel);
		assertThat(ids(channel)).hasSize(2);
		String firstCursor = cursor(channel);

		newest(pds, List.of(mention("m3", "hello", T.plusSeconds(3)), reply("r2", T.plusSeconds(2)),
				reply("r1", T.plusSeconds(1))));
		poll(channel);
		assertThat(ids(channel)).containsExactly("https://bsky.app/profile/bob.test/post/m3",
				"https://bsky.app/profile/bob.test/post/r2", "https://bsky.app/profile/bob.test/post/r1");

		// a restart that lost the newer cursor reads again from the older one, and one with no cursor from the newest
		jdbc.sql("update inbox.channel_states set cursor = ? where channel_id = ?")
			.params(firstCursor, UUID.fromString(channel)).update();
		poll(channel);
		jdbc.sql("update inbox.channel_states set cursor = null where channel_id = ?")
			.param(UUID.fromString(channel)).update();
		// and several polls at once (as from several nodes) overlap
		try (ExecutorService nodes = Executors.newFixedThreadPool(4)) {
			List<Future<Boolean>> polls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				polls.add(nodes.submit(() -> ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel),
						Duration.ofSeconds(20))));
			}
			for (Future<Boolean> done : polls) {
				assertThat(done.get()).isTrue();
			}
		}
		assertThat(stored(channel)).isEqualTo(3);
		assertThat(ids(channel)).hasSize(3);
		JsonNode state = channelState(channel);
		assertThat(state.get("status").asString()).isEqualTo("ok");
		assertThat(state.get("itemsReceived").asLong()).isEqualTo(3);
	}

	private JsonNode channelState(String channel) {
		for (JsonNode state : api.get("/api/v1/inbox/channels", token).json().get("items")) {
			if (state.get("channelId").asString().equals(channel)) {
				return state;
			}
		}
		throw new AssertionError("no ingestion state for channel " + channel);
	}

	@Test
	void aChannelIsWaitingUntilItsFirstReadGetsThroughThenOk() {
		newest(pds, List.of(reply("r1", T.plusSeconds(1))));
		String channel = connect();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from inbox.channel_states where channel_id = ?").param(UUID.fromString(channel))
			.query(Long.class).single() == 1);
		JsonNode waiting = channelState(channel);
		assertThat(waiting.get("status").asString()).isEqualTo("waiting");
		assertThat(waiting.get("lagSeconds").isNull()).isTrue();

		poll(channel);
		assertThat(channelState(channel).get("status").asString()).isEqualTo("ok");
	}

	@Test
	void anOutageKeepsTheCursorAndTheNextPollCatchesUpWithNothingLost() {
		newest(pds, List.of(reply("r1", T.plusSeconds(1))));
		String channel = connect();
		poll(channel);
		String before = cursor(channel);

		newest(pds, BlueskyAnswers.error(502, "UpstreamFailure", "the AppView is down"));
		poll(channel);
		JsonNode failing = channelState(channel);
		assertThat(failing.get("status").asString()).isEqualTo("failing");
		assertThat(failing.get("consecutiveFailures").asInt()).isEqualTo(1);
		assertThat(failing.get("lastError").asString()).contains("Bluesky");
		assertThat(Instant.parse(failing.get("nextPollAt").asString())).isAfter(Instant.now().plusSeconds(30));
		assertThat(cursor(channel)).isEqualTo(before);

		newest(pds, List.of(mention("m3", "still there?", T.plusSeconds(3)), reply("r2", T.plusSeconds(2)),
				reply("r1", T.plusSeconds(1))));
		poll(channel);
		assertThat(ids(channel)).containsExactly("https://bsky.app/profile/bob.test/post/m3",
				"https://bsky.app/profile/bob.test/post/r2", "https://bsky.app/profile/bob.test/post/r1");
		JsonNode recovered = channelState(channel);
		assertThat(recovered.get("status").asString()).isEqualTo("ok");
		assertThat(recovered.get("consecutiveFailures").asInt()).isZero();
		assertThat(recovered.get("lastError").isNull()).isTrue();
		assertThat(recovered.get("lagSeconds").asLong()).isLessThan(30);
		assertThat(recovered.get("newestItemAt").asString()).isEqualTo(T.plusSeconds(2).toString());
	}

	@Test
	void messagesGroupIntoTheThreadUnderOurPostMentionThreadsAndTheirOwn() {
		String ourOtherPost = postUri(did, "3lourother222");
		String ourReply = postUri(did, "3lourreply222");
		String strangersRoot = postUri("did:plc:someoneelse22222222222", "3ltheirroot22");
		newest(pds, List.of(
				notification("q1", "quote", "quoting you", T.plusSeconds(6), quoting(ourPost), ourPost),
				notification("r3", "reply", "on your other post", T.plusSeconds(5),
						replyTo(ourOtherPost, ourOtherPost), ourOtherPost),
				notification("m2", "mention", "@brand.test look", T.plusSeconds(4),
						replyTo(strangersRoot, strangersRoot), null),
				mention("m1", "@brand.test hi", T.plusSeconds(3)),
				notification("r2", "reply", "deeper", T.plusSeconds(2), replyTo(ourPost, ourReply), ourReply),
				reply("r1", T.plusSeconds(1))));
		String channel = connect();
		poll(channel);

		Map<String, String> conversationOf = new java.util.HashMap<>();
		items(channel).forEach(item -> conversationOf.put(item.get("url").asString().replaceAll(".*/", ""),
				item.get("conversationId").asString()));
		assertThat(conversationOf).hasSize(6);
		assertThat(conversationOf.get("r2")).isEqualTo(conversationOf.get("r1"));
		assertThat(conversationOf.get("q1")).isEqualTo(conversationOf.get("r1"));
		assertThat(new java.util.HashSet<>(conversationOf.values())).hasSize(4);

		JsonNode thread = api.get("/api/v1/inbox/conversations/" + conversationOf.get("r1"), token).json();
		assertThat(thread.get("kind").asString()).isEqualTo("thread");
		assertThat(thread.get("status").asString()).isEqualTo("new");
		List<String> types = new ArrayList<>();
		thread.get("items").forEach(item -> types.add(item.get("type").asString()));
		assertThat(types).containsExactly("reply", "reply", "quote");
		assertThat(api.get("/api/v1/inbox/conversations/" + conversationOf.get("m1"), token).json().get("kind")
			.asString()).isEqualTo("mention");
		assertThat(api.get("/api/v1/inbox/conversations/" + conversationOf.get("r3"), token).json().get("kind")
			.asString()).isEqualTo("thread");
		assertThat(api.get("/api/v1/inbox/items?type=mention&channelId=" + channel, token).json().get("items"))
			.hasSize(2);
		assertThat(api.get("/api/v1/inbox/items?conversationId=" + conversationOf.get("r1"), token).json()
			.get("items")).hasSize(3);
	}

	@Test
	void hostileContentIsStoredAsReceivedAndReturnedVerbatim() {
		String script = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\" </textarea>";
		String control = "bell\u0007 escape\u001b[31m red \u202Eright-to-left\u200B zero-width\r\n\ttab";
		String huge = "🌷".repeat(40_000) + "end";
		newest(pds, BlueskyNotifications.answer(BlueskyNotifications.answer(List.of(
				mention("h1", script, T.plusSeconds(5)), mention("h2", control, T.plusSeconds(4)),
				mention("h3", huge, T.plusSeconds(3)), mention("h4", "NUL-HERE and LONE-HERE", T.plusSeconds(2))))
			.build().getBody().replace("NUL-HERE", "nul\\u0000byte").replace("LONE-HERE", "half\\ud83d pair")));
		String channel = connect();
		poll(channel);

		Map<String, String> texts = new java.util.HashMap<>();
		items(channel).forEach(item -> texts.put(item.get("url").asString().replaceAll(".*/", ""),
				item.get("text").asString()));
		assertThat(texts.get("h1")).isEqualTo(script);
		assertThat(texts.get("h2")).isEqualTo(control);
		assertThat(texts.get("h3")).isEqualTo(huge);
		// PostgreSQL text holds no NUL, and UTF-8 no half of a surrogate pair: those alone become U+FFFD
		assertThat(texts.get("h4")).isEqualTo("nul\uFFFDbyte and half\uFFFD pair");
		JsonNode item = items(channel).get(0);
		assertThat(item.get("author").get("handle").asString()).isEqualTo("bob.test");
		assertThat(item.get("author").get("displayName").asString()).isEqualTo("Bob");
	}

	@Test
	void everyItemIsStoredWithItsLanguageAndSentiment() {
		newest(pds, BlueskyNotifications.answer(List.of(
				mention("en", "This is the worst service I have ever had, totally useless", T.plusSeconds(5)),
				mention("ko", "배송이 정말 빠르고 좋아요 감사합니다", T.plusSeconds(4)),
				mention("da", "Tak for den hurtige hjælp, det er virkelig godt", T.plusSeconds(3)),
				mention("ne", "तपाईंको सेवा एकदम राम्रो छ, धन्यवाद", T.plusSeconds(2)))));
		String channel = connect();
		poll(channel);

		Map<String, JsonNode> byId = new java.util.HashMap<>();
		items(channel).forEach(item -> byId.put(item.get("url").asString().replaceAll(".*/", ""), item));
		assertThat(byId.get("en").get("language").asString()).isEqualTo("en");
		assertThat(byId.get("en").get("sentiment").get("label").asString()).isEqualTo("negative");
		assertThat(byId.get("en").get("sentiment").get("score").asDouble()).isNegative();
		assertThat(byId.get("ko").get("language").asString()).isEqualTo("ko");
		assertThat(byId.get("ko").get("sentiment").get("label").asString()).isEqualTo("positive");
		assertThat(byId.get("da").get("language").asString()).isEqualTo("da");
		assertThat(byId.get("da").get("sentiment").get("label").asString()).isEqualTo("positive");
		assertThat(byId.get("ne").get("language").asString()).isEqualTo("ne");
		assertThat(byId.get("ne").get("sentiment").get("label").asString()).isEqualTo("positive");
	}

	@Test
	void itemPagesFollowTheirCursorNewestFirstWithoutRepeats() {
		List<Map<String, Object>> many = new ArrayList<>();
		for (int i = 30; i >= 1; i--) {
			many.add(mention("p" + i, "number " + i, T.plusSeconds(i)));
		}
		newest(pds, many);
		String channel = connect();
		poll(channel);
		List<String> seen = new ArrayList<>();
		String next = null;
		do {
			JsonNode page = api.get("/api/v1/inbox/items?limit=7&channelId=" + channel
					+ (next == null ? "" : "&cursor=" + next), token).json();
			page.get("items").forEach(item -> seen.add(item.get("text").asString()));
			next = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (next != null);
		assertThat(seen).hasSize(30).doesNotHaveDuplicates();
		assertThat(api.get("/api/v1/inbox/items?limit=1000", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/inbox/items?cursor=not-a-cursor", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/inbox/items?type=like", token).status()).isEqualTo(422);
	}
}
