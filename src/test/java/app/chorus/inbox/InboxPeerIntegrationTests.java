package app.chorus.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import app.chorus.support.Api;
import app.chorus.support.AtprotoPeer;
import app.chorus.support.AtprotoPeer.Account;
import app.chorus.support.AtprotoPeer.AppView;
import app.chorus.support.AtprotoPeer.Pds;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;

/**
 * End to end against Bluesky's reference servers on loopback: another account replies to our post and a third
 * mentions us; both are in the inbox within ten seconds, read by the background polling alone; our answer from the
 * inbox lands on the PDS as a reply record in the right thread.
 */
@Tag("peer")
@ChorusIntegrationTest
@TestPropertySource(properties = { "chorus.inbox.poll-interval=PT2S", "chorus.inbox.background-polling=true" })
class InboxPeerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@BeforeAll
	static void theLocalNetworkRuns() {
		AtprotoPeer.requireRunning();
	}

	private static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 100_000_000L, 36) + ".test";
	}

	private static JsonNode post(Account author, Map<String, Object> record) {
		Map<String, Object> full = new HashMap<>(record);
		full.put("$type", "app.bsky.feed.post");
		full.put("createdAt", Instant.now().toString());
		return Pds.post("com.atproto.repo.createRecord", author.accessJwt(), Map.of("repo", author.did(),
				"collection", "app.bsky.feed.post", "record", full));
	}

	private static Map<String, Object> strongRef(JsonNode created) {
		return Map.of("uri", created.path("uri").asString(), "cid", created.path("cid").asString());
	}

	@Test
	void aReplyAndAMentionArriveWithinTenSecondsOurAnswerLandsAsAReplyRecordAndHidingWritesTheThreadgate() {
		Api api = new Api(port);
		Membership workspace = world.workspace("peerinbox");
		String token = world.token(world.owner(workspace), workspace);
		Account brand = Account.create(unique("brand"));
		Account fan = Account.create(unique("fan"));
		Account friend = Account.create(unique("friend"));
		String channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl",
				AtprotoPeer.PDS.replace("localhost", "127.0.0.1"), "handle", brand.handle(), "appPassword",
				brand.appPassword())).json().get("id").asString();
		JsonNode ours = post(brand, Map.of("text", "Our spring sale starts today"));
		AppView.awaitIndexed(ours.path("uri").asString());

		Instant said = Instant.now();
		JsonNode reply = post(fan, Map.of("text", "Love it! <b>really</b>", "reply", Map.of("root", strongRef(ours),
				"parent", strongRef(ours))));
		String mentionText = "@" + brand.handle() + " have you seen this?";
		byte[] handleBytes = ("@" + brand.handle()).getBytes(StandardCharsets.UTF_8);
		post(friend, Map.of("text", mentionText, "facets", List.of(Map.of("index", Map.of("byteStart", 0, "byteEnd",
				handleBytes.length), "features", List.of(Map.of("$type", "app.bsky.richtext.facet#mention", "did",
						brand.did()))))));

		JsonNode items = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
			.until(() -> api.get("/api/v1/inbox/items?channelId=" + channel, token).json().get("items"),
					found -> found != null && found.size() >= 2);
		assertThat(Duration.between(said, Instant.now())).isLessThan(Duration.ofSeconds(10));
		JsonNode replyItem = null;
		JsonNode mentionItem = null;
		for (JsonNode item : items) {
			if (item.get("type").asString().equals("reply")) {
				replyItem = item;
			}
			if (item.get("type").asString().equals("mention")) {
				mentionItem = item;
			}
		}
		assertThat(replyItem).isNotNull();
		assertThat(mentionItem).isNotNull();
		assertThat(replyItem.get("text").asString()).isEqualTo("Love it! <b>really</b>");
		assertThat(replyItem.get("author").get("handle").asString()).isEqualTo(fan.handle());
		assertThat(mentionItem.get("text").asString()).isEqualTo(mentionText);
		assertThat(mentionItem.get("conversationId").asString())
			.isNotEqualTo(replyItem.get("conversationId").asString());

		Api.Response answered = api.post("/api/v1/inbox/conversations/" + replyItem.get("conversationId").asString()
				+ "/replies", token, Map.of("text", "Thank you! 🌷"));
		assertThat(answered.status()).isEqualTo(201);
		String remoteId = answered.json().get("remoteId").asString();
		assertThat(remoteId).startsWith("at://" + brand.did() + "/app.bsky.feed.post/");
		JsonNode record = Pds.get("com.atproto.repo.getRecord", null, "repo", brand.did(), "collection",
				"app.bsky.feed.post", "rkey", remoteId.substring(remoteId.lastIndexOf('/') + 1)).path("value");
		assertThat(record.path("text").asString()).isEqualTo("Thank you! 🌷");
		assertThat(record.path("reply").path("parent").path("uri").asString())
			.isEqualTo(reply.path("uri").asString());
		assertThat(record.path("reply").path("parent").path("cid").asString())
			.isEqualTo(reply.path("cid").asString());
		assertThat(record.path("reply").path("root").path("uri").asString()).isEqualTo(ours.path("uri").asString());

		// hiding the fan's reply writes the threadgate of our post, which the real PDS validates and keeps
		Api.Response hidden = api.post("/api/v1/inbox/conversations/" + replyItem.get("conversationId").asString()
				+ "/moderation", token, Map.of("action", "hide", "itemId", replyItem.get("id").asString()));
		assertThat(hidden.status()).as(hidden.raw().body()).isEqualTo(201);
		assertThat(hidden.json().get("outcome").asString()).isEqualTo("done");
		String ourRkey = ours.path("uri").asString().substring(ours.path("uri").asString().lastIndexOf('/') + 1);
		JsonNode gate = Pds.get("com.atproto.repo.getRecord", null, "repo", brand.did(), "collection",
				"app.bsky.feed.threadgate", "rkey", ourRkey).path("value");
		assertThat(gate.path("post").asString()).isEqualTo(ours.path("uri").asString());
		assertThat(gate.path("hiddenReplies").get(0).asString()).isEqualTo(reply.path("uri").asString());
		assertThat(gate.has("allow")).as("everyone may still reply").isFalse();

		JsonNode state = api.get("/api/v1/inbox/channels", token).json().get("items").get(0);
		assertThat(state.get("status").asString()).isEqualTo("ok");
		assertThat(state.get("lagSeconds").asLong()).isLessThan(10);
	}
}
