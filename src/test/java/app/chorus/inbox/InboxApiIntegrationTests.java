package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static app.chorus.inbox.BlueskyNotifications.notification;
import static app.chorus.inbox.BlueskyNotifications.postUri;
import static app.chorus.inbox.BlueskyNotifications.replyTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox API: replies go out through the channel's adapter as replies in the right thread, are recorded and
 * audited, and keep their text when the network fails; conversations are triaged; and no endpoint shows or touches
 * another workspace's inbox.
 */
@ChorusIntegrationTest
class InboxApiIntegrationTests {

	static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	app.chorus.inbox.internal.InboxLeftovers leftovers;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;
	Membership workspace;
	String token;
	String did;
	String channel;
	String ourPost;
	String conversation;

	@BeforeEach
	void aBlueskyChannelWithAReplyToOurPost() {
		api = new Api(port);
		workspace = world.workspace("inboxapi");
		token = world.token(world.owner(workspace), workspace);
		did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		ourPost = postUri(did, "3lourpost2222");
		newest(pds, List.of(mention("m1", "@brand.test hello", T.plusSeconds(3)),
				notification("r2", "reply", "second", T.plusSeconds(2), replyTo(ourPost, ourPost), ourPost),
				notification("r1", "reply", "first", T.plusSeconds(1), replyTo(ourPost, ourPost), ourPost)));
		channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(), "handle",
				"brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();
		conversation = itemByText("first").get("conversationId").asString();
	}

	private JsonNode itemByText(String text) {
		for (JsonNode item : api.get("/api/v1/inbox/items?channelId=" + channel, token).json().get("items")) {
			if (item.get("text").asString().equals(text)) {
				return item;
			}
		}
		throw new AssertionError("no item " + text);
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

	@Test
	void aReplyGoesOutAsABlueskyReplyToTheNewestMessageAndIsRecordedAndAudited() {
		Api.Response sent = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "Thank you both!"));
		assertThat(sent.status()).isEqualTo(201);
		assertThat(sent.json().get("remoteId").asString()).startsWith("at://" + did + "/app.bsky.feed.post/");
		assertThat(sent.json().get("url").asString()).startsWith("https://bsky.app/profile/");
		assertThat(sent.header("Location")).endsWith("/replies/" + sent.json().get("id").asString());

		var writes = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(1);
		JsonNode record = json(writes.getFirst().getBodyAsString()).path("record");
		assertThat(record.path("text").asString()).isEqualTo("Thank you both!");
		assertThat(record.path("reply").path("parent").path("uri").asString()).isEqualTo(postUri(
				BlueskyNotifications.BOB, "r2"));
		assertThat(record.path("reply").path("root").path("uri").asString()).isEqualTo(ourPost);

		JsonNode detail = api.get("/api/v1/inbox/conversations/" + conversation, token).json();
		assertThat(detail.get("status").asString()).isEqualTo("open");
		assertThat(detail.get("firstResponseAt").isNull()).isFalse();
		assertThat(detail.get("items")).hasSize(2);
		assertThat(detail.get("items").get(0).get("text").asString()).isEqualTo("first");
		JsonNode reply = detail.get("replies").get(0);
		assertThat(reply.get("status").asString()).isEqualTo("sent");
		assertThat(reply.get("inReplyToItemId").asString()).isEqualTo(itemByText("second").get("id").asString());
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.reply.sent"));

		// an earlier message can be answered by naming it
		Api.Response toFirst = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "And you!", "inReplyToItemId", itemByText("first").get("id").asString()));
		assertThat(toFirst.status()).isEqualTo(201);
		JsonNode second = json(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))).get(1).getBodyAsString());
		assertThat(second.path("record").path("reply").path("parent").path("uri").asString())
			.isEqualTo(postUri(BlueskyNotifications.BOB, "r1"));
	}

	@Test
	void aReplyOrActionLeftUnsettledByAStoppedNodeIsSettledAsUnconfirmed() {
		Api.Response sent = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "Cut short"));
		assertThat(sent.status()).isEqualTo(201);
		String reply = sent.json().get("id").asString();
		String item = itemByText("first").get("id").asString();
		UUID action = UUID.randomUUID();
		// as a node leaves them when it stops while the network is asked: one long ago, one just now
		jdbc.sql("update inbox.replies set status = 'sending', remote_id = null, sending_since = now() - interval "
				+ "'11 minutes' where id = ?").param(UUID.fromString(reply)).update();
		jdbc.sql("""
				insert into inbox.moderation_actions (id, workspace_id, conversation_id, item_id, channel_id, action,
				    target, taken_by, taken_at, outcome)
				select ?, workspace_id, conversation_id, id, channel_id, 'delete', 'item', ?, now() - interval
				    '11 minutes', 'pending' from inbox.items where id = ?""")
			.params(action, world.owner(workspace).id().value(), UUID.fromString(item)).update();
		Api.Response recent = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "Still on its way"));
		jdbc.sql("update inbox.replies set status = 'sending' where id = ?")
			.param(UUID.fromString(recent.json().get("id").asString())).update();

		// (the recurring task may have settled them first: either way they end up the same)
		leftovers.settle();
		JsonNode detail = api.get("/api/v1/inbox/conversations/" + conversation, token).json();
		Map<String, JsonNode> replies = new java.util.HashMap<>();
		detail.get("replies").forEach(r -> replies.put(r.get("text").asString(), r));
		assertThat(replies.get("Cut short").get("status").asString()).isEqualTo("failed");
		assertThat(replies.get("Cut short").get("errorKey").asString()).isEqualTo("inbox.reply.unconfirmed");
		assertThat(replies.get("Still on its way").get("status").asString()).isEqualTo("sending");
		assertThat(jdbc.sql("select outcome || ' ' || error_key from inbox.moderation_actions where id = ?")
			.param(action).query(String.class).single()).isEqualTo("failed inbox.moderation.unconfirmed");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.reply.unconfirmed")
			.contains("inbox.item.moderation-failed"));
		// a person may send it again; the network gets the same idempotency key
		Api.Response retried = api.post("/api/v1/inbox/conversations/" + conversation + "/replies/" + reply
				+ "/retry", token, "{}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().get("status").asString()).isEqualTo("sent");
	}

	@Test
	void aReplyTheNetworkFailsKeepsItsTextAndCanBeSentAgain() {
		pds.stubFor(post(CREATE).willReturn(BlueskyAnswers.error(503, "InternalServerError", "down")));
		Api.Response failed = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "Kept, whatever happens"));
		assertThat(failed.status()).isIn(502, 503);
		assertThat(failed.header("Content-Type")).contains("application/problem+json");
		assertThat(failed.json().get("detail").asString()).contains("Bluesky").contains("kept");

		JsonNode reply = api.get("/api/v1/inbox/conversations/" + conversation, token).json().get("replies").get(0);
		assertThat(reply.get("status").asString()).isEqualTo("failed");
		assertThat(reply.get("text").asString()).isEqualTo("Kept, whatever happens");
		assertThat(api.get("/api/v1/inbox/conversations/" + conversation, token).json().get("firstResponseAt")
			.isNull()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.reply.failed"));

		BlueskyAnswers.recordsAreWritten(pds, did);
		Api.Response retried = api.post("/api/v1/inbox/conversations/" + conversation + "/replies/"
				+ reply.get("id").asString() + "/retry", token, "{}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().get("status").asString()).isEqualTo("sent");
		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/replies/" + reply.get("id").asString()
				+ "/retry", token, "{}").status()).isEqualTo(409);
		var writes = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		// the same record key both times: had the first write gone through after all, the second would find it
		assertThat(json(writes.get(0).getBodyAsString()).path("rkey").asString())
			.isEqualTo(json(writes.get(writes.size() - 1).getBodyAsString()).path("rkey").asString());
	}

	@Test
	void repliesNeedTextAndTheRightToReply() {
		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token, Map.of("text", " "))
			.status()).isEqualTo(422);
		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "x".repeat(400))).json().get("errors").get(0).get("field").asString())
			.startsWith("text");
		UserAccount contributor = world.member(workspace, "contributor", Role.CONTRIBUTOR);
		Api.Response refused = api.post("/api/v1/inbox/conversations/" + conversation + "/replies",
				world.token(contributor, workspace), Map.of("text", "hi"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
	}

	@Test
	void conversationsAreTriagedAndAssignedOnlyToMembers() {
		UserAccount publisher = world.member(workspace, "publisher", Role.PUBLISHER);
		Map<String, Object> change = new HashMap<>();
		change.put("status", "pending");
		change.put("priority", "high");
		change.put("assigneeId", publisher.id().value().toString());
		JsonNode changed = api.patch("/api/v1/inbox/conversations/" + conversation, token, change).json();
		assertThat(changed.get("status").asString()).isEqualTo("pending");
		assertThat(changed.get("priority").asString()).isEqualTo("high");
		assertThat(changed.get("assigneeId").asString()).isEqualTo(publisher.id().value().toString());
		assertThat(api.get("/api/v1/inbox/items?status=pending&channelId=" + channel, token).json().get("items"))
			.hasSize(2);
		assertThat(api.get("/api/v1/inbox/conversations?assigneeId=" + publisher.id().value(), token).json()
			.get("items")).hasSize(1);

		JsonNode resolved = api.patch("/api/v1/inbox/conversations/" + conversation, token,
				Map.of("status", "resolved")).json();
		assertThat(resolved.get("resolvedAt").isNull()).isFalse();
		assertThat(resolved.get("assigneeId").asString()).isEqualTo(publisher.id().value().toString());
		Map<String, Object> unassign = new HashMap<>();
		unassign.put("assigneeId", null);
		assertThat(api.patch("/api/v1/inbox/conversations/" + conversation, token, unassign).json().get("assigneeId")
			.isNull()).isTrue();

		UserAccount stranger = world.person("stranger");
		Api.Response refused = api.patch("/api/v1/inbox/conversations/" + conversation, token,
				Map.of("assigneeId", stranger.id().value().toString()));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
		assertThat(api.patch("/api/v1/inbox/conversations/" + conversation, token, Map.of("status", "done"))
			.status()).isEqualTo(422);
	}

	@Test
	void anotherWorkspaceSeesNoneOfThisInboxAndGets404ForItsIds() {
		Api.Response sent = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "ours"));
		String reply = sent.json().get("id").asString();
		Membership other = world.workspace("inboxother");
		String otherToken = world.token(world.owner(other), other);

		for (String list : List.of("/api/v1/inbox/items", "/api/v1/inbox/items?channelId=" + channel,
				"/api/v1/inbox/items?conversationId=" + conversation, "/api/v1/inbox/items?network=bluesky",
				"/api/v1/inbox/conversations", "/api/v1/inbox/conversations?channelId=" + channel,
				"/api/v1/inbox/channels")) {
			Api.Response answer = api.get(list, otherToken);
			assertThat(answer.status()).as(list).isEqualTo(200);
			assertThat(answer.json().get("items")).as(list).isEmpty();
		}
		String base = "/api/v1/inbox/conversations/" + conversation;
		assertThat(api.get(base, otherToken).status()).isEqualTo(404);
		assertThat(api.patch(base, otherToken, Map.of("status", "resolved")).status()).isEqualTo(404);
		assertThat(api.post(base + "/replies", otherToken, Map.of("text", "hijack")).status()).isEqualTo(404);
		assertThat(api.get(base + "/replies/" + reply, otherToken).status()).isEqualTo(404);
		assertThat(api.post(base + "/replies/" + reply + "/retry", otherToken, "{}").status()).isEqualTo(404);
		String cursorOfTheirs = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(conversation.getBytes());
		assertThat(api.get("/api/v1/inbox/conversations?cursor=" + cursorOfTheirs, otherToken).status())
			.isEqualTo(404);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
	}
}
