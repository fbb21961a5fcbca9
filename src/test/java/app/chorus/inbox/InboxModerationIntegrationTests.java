package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static app.chorus.inbox.BlueskyNotifications.notification;
import static app.chorus.inbox.BlueskyNotifications.postUri;
import static app.chorus.inbox.BlueskyNotifications.replyTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

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
 * Moderation from the inbox through Bluesky (its server answering as the lexicons document, WireMock): block, mute and
 * report reach the author, delete reaches only the channel's own post, what Bluesky lacks is refused naming the
 * action, an outage is kept as failed and can be taken again, and every action shows who took it.
 */
@ChorusIntegrationTest
class InboxModerationIntegrationTests {

	static final Instant T = Instant.parse("2026-03-03T10:00:00Z");
	static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	static final String DELETE = "/xrpc/com.atproto.repo.deleteRecord";
	static final String MUTE = "/xrpc/app.bsky.graph.muteActor";
	static final String REPORT = "/xrpc/com.atproto.moderation.createReport";
	static final String PUT = "/xrpc/com.atproto.repo.putRecord";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	String did;
	String conversation;
	String bobsReply;
	String ownPost;

	@BeforeEach
	void aBlueskyConversationWithBobsReplyAndOneOfOurOwnPosts() {
		api = new Api(port);
		workspace = world.workspace("moderation");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		pds.stubFor(post(MUTE).willReturn(BlueskyAnswers.json(Map.of())));
		pds.stubFor(post(REPORT).willReturn(BlueskyAnswers.json(Map.of("id", 7, "reasonType",
				"com.atproto.moderation.defs#reasonOther", "subject", Map.of("$type",
						"com.atproto.admin.defs#repoRef", "did", BlueskyNotifications.BOB),
				"reportedBy", did, "createdAt", "2026-03-03T12:00:00.000Z"))));
		pds.stubFor(post(DELETE).willReturn(BlueskyAnswers.json(Map.of("commit", Map.of("cid", "bafyreicommit",
				"rev", "3lcommitrev33")))));
		String ourPost = postUri(did, "3lourpost3333");
		Map<String, Object> own = notification("own1", "reply", "our own follow-up", T.plusSeconds(2),
				replyTo(ourPost, ourPost), ourPost);
		own.put("uri", postUri(did, "own1"));
		own.put("author", Map.of("did", did, "handle", "brand.test", "displayName", "Brand", "viewer", Map.of(),
				"labels", List.of()));
		newest(pds, List.of(own, notification("r1", "reply", "you are awful", T.plusSeconds(1),
				replyTo(ourPost, ourPost), ourPost), mention("m1", "unrelated", T)));
		String channel = BlueskyNotifications.connectAndRead(api, token, pds, ingestion, workspace);
		for (JsonNode item : api.get("/api/v1/inbox/items?channelId=" + channel, token).json().get("items")) {
			switch (item.get("text").asString()) {
				case "you are awful" -> {
					bobsReply = item.get("id").asString();
					conversation = item.get("conversationId").asString();
				}
				case "our own follow-up" -> ownPost = item.get("id").asString();
				default -> {
				}
			}
		}
		assertThat(bobsReply).isNotNull();
		assertThat(ownPost).isNotNull();
	}

	private Api.Response moderate(String action, String item, String note) {
		return api.post(base(), token, Map.of("action", action, "itemId", item, "note", note));
	}

	private String base() {
		return "/api/v1/inbox/conversations/" + conversation + "/moderation";
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

	private JsonNode detailItem(String id) {
		for (JsonNode item : api.get("/api/v1/inbox/conversations/" + conversation, token).json().get("items")) {
			if (item.get("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("no item " + id);
	}

	@Test
	void blockMuteAndReportReachTheAuthorThroughBlueskyAndAreRecordedWithWhoTookThem() {
		Api.Response blocked = moderate("block", bobsReply, "");
		assertThat(blocked.status()).isEqualTo(201);
		assertThat(blocked.json().get("outcome").asString()).isEqualTo("done");
		assertThat(blocked.header("Location")).endsWith("/moderation/" + blocked.json().get("id").asString());
		JsonNode block = json(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))).getFirst().getBodyAsString());
		assertThat(block.path("collection").asString()).isEqualTo("app.bsky.graph.block");
		assertThat(block.path("repo").asString()).isEqualTo(did);
		assertThat(block.path("record").path("subject").asString()).isEqualTo(BlueskyNotifications.BOB);

		assertThat(moderate("mute", bobsReply, "").status()).isEqualTo(201);
		assertThat(json(pds.findAll(postRequestedFor(urlPathEqualTo(MUTE))).getFirst().getBodyAsString())
			.path("actor").asString()).isEqualTo(BlueskyNotifications.BOB);

		assertThat(moderate("report", bobsReply, "Harasses our support staff").status()).isEqualTo(201);
		JsonNode report = json(pds.findAll(postRequestedFor(urlPathEqualTo(REPORT))).getFirst().getBodyAsString());
		assertThat(report.path("reason").asString()).isEqualTo("Harasses our support staff");
		assertThat(report.path("subject").path("did").asString()).isEqualTo(BlueskyNotifications.BOB);

		JsonNode item = detailItem(bobsReply);
		assertThat(item.get("text").asString()).isEqualTo("you are awful");
		List<String> taken = new ArrayList<>();
		item.get("moderation").forEach(m -> {
			taken.add(m.get("action").asString());
			assertThat(m.get("takenBy").asString()).isEqualTo(owner.id().value().toString());
			assertThat(m.get("outcome").asString()).isEqualTo("done");
			assertThat(m.get("target").asString()).isEqualTo(BlueskyNotifications.BOB);
		});
		assertThat(taken).containsExactly("block", "mute", "report");
		assertThat(detailItem(ownPost).get("moderation")).isEmpty();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.item.moderated"));
	}

	@Test
	void hidingBobsReplyAddsItToTheThreadgateOfOurThreadKeepingWhatTheGateSaid() {
		String reply = postUri(BlueskyNotifications.BOB, "r1");
		String root = postUri(did, "3lourpost3333");
		pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(reply))
			.willReturn(BlueskyAnswers.json(Map.of("posts", List.of(Map.of("uri", reply, "cid", "bafyreir1",
					"author", Map.of("did", BlueskyNotifications.BOB, "handle", "bob.test"), "indexedAt",
					T.toString(), "record", Map.of("$type", "app.bsky.feed.post", "text", "you are awful",
							"createdAt", T.toString(), "reply", replyTo(root, root).get("reply"))))))));
		String earlier = postUri(BlueskyNotifications.BOB, "older1");
		pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
			.withQueryParam("collection", equalTo("app.bsky.feed.threadgate"))
			.withQueryParam("rkey", equalTo("3lourpost3333"))
			.willReturn(BlueskyAnswers.json(Map.of("uri", "at://" + did + "/app.bsky.feed.threadgate/3lourpost3333",
					"cid", "bafyreigate1", "value", Map.of("$type", "app.bsky.feed.threadgate", "post", root,
							"createdAt", "2026-03-01T10:00:00.000Z", "allow",
							List.of(Map.of("$type", "app.bsky.feed.threadgate#followingRule")), "hiddenReplies",
							List.of(earlier))))));
		pds.stubFor(post(PUT).willReturn(BlueskyAnswers.json(Map.of("uri",
				"at://" + did + "/app.bsky.feed.threadgate/3lourpost3333", "cid", "bafyreigate2"))));

		Api.Response hidden = moderate("hide", bobsReply, "spam");
		assertThat(hidden.status()).as(hidden.raw().body()).isEqualTo(201);
		assertThat(hidden.json().get("outcome").asString()).isEqualTo("done");
		assertThat(hidden.json().get("target").asString()).isEqualTo(reply);
		JsonNode put = json(pds.findAll(postRequestedFor(urlPathEqualTo(PUT))).getFirst().getBodyAsString());
		assertThat(put.path("repo").asString()).isEqualTo(did);
		assertThat(put.path("collection").asString()).isEqualTo("app.bsky.feed.threadgate");
		assertThat(put.path("rkey").asString()).isEqualTo("3lourpost3333");
		assertThat(put.path("swapRecord").asString()).as("a change meanwhile is not overwritten")
			.isEqualTo("bafyreigate1");
		assertThat(put.at("/record/allow/0/$type").asString()).isEqualTo("app.bsky.feed.threadgate#followingRule");
		List<String> hiddenReplies = new ArrayList<>();
		put.at("/record/hiddenReplies").forEach(uri -> hiddenReplies.add(uri.asString()));
		assertThat(hiddenReplies).containsExactly(earlier, reply);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
	}

	@Test
	void onlyTheChannelsOwnPostCanBeDeletedAndWhatBlueskyLacksIsRefusedNamingTheAction() {
		JsonNode options = api.get(base(), token).json();
		assertThat(options.get("network").asString()).isEqualTo("bluesky");
		assertThat(options.get("allowed").asBoolean()).isTrue();
		List<String> offered = new ArrayList<>();
		options.get("offered").forEach(a -> offered.add(a.asString()));
		assertThat(offered).containsExactly("hide", "delete", "block", "mute", "report");
		for (JsonNode item : options.get("items")) {
			List<String> actions = new ArrayList<>();
			item.get("actions").forEach(a -> actions.add(a.asString()));
			assertThat(actions).as(item.get("itemId").asString()).isEqualTo(
					item.get("itemId").asString().equals(ownPost) ? List.of("delete") : List.of("hide", "block",
							"mute", "report"));
		}

		Api.Response hide = moderate("hide", ownPost, "");
		assertThat(hide.status()).isEqualTo(422);
		assertThat(hide.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
		assertThat(hide.json().get("detail").asString()).contains("Bluesky").contains("delete");
		assertThat(moderate("delete", bobsReply, "").status()).isEqualTo(422);
		assertThat(moderate("silence", bobsReply, "").json().get("errors").get(0).get("field").asString())
			.isEqualTo("action");
		assertThat(api.post(base(), token, Map.of("action", "block", "itemId", java.util.UUID.randomUUID().toString()))
			.json().get("errors").get(0).get("field").asString()).isEqualTo("itemId");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(DELETE)))).isEmpty();

		Api.Response deleted = moderate("delete", ownPost, "posted by mistake");
		assertThat(deleted.status()).isEqualTo(201);
		JsonNode delete = json(pds.findAll(postRequestedFor(urlPathEqualTo(DELETE))).getFirst().getBodyAsString());
		assertThat(delete.path("repo").asString()).isEqualTo(did);
		assertThat(delete.path("rkey").asString()).isEqualTo("own1");
		JsonNode mark = detailItem(ownPost).get("moderation").get(0);
		assertThat(mark.get("action").asString()).isEqualTo("delete");
		assertThat(mark.get("takenBy").asString()).isEqualTo(owner.id().value().toString());
		assertThat(mark.get("note").asString()).isEqualTo("posted by mistake");
	}

	@Test
	void aReplyOfOursIsDeletedFromBlueskyOnceAndKeptMarkedDeletedWithItsText() {
		Api.Response sent = api.post("/api/v1/inbox/conversations/" + conversation + "/replies", token,
				Map.of("text", "Sorry, wrong thread"));
		assertThat(sent.status()).isEqualTo(201);
		String reply = sent.json().get("id").asString();
		String remoteId = sent.json().get("remoteId").asString();
		assertThat(api.get(base(), token).json().get("repliesDeletable").asBoolean()).isTrue();

		Api.Response notDelete = api.post(base(), token, Map.of("action", "hide", "replyId", reply));
		assertThat(notDelete.status()).isEqualTo(422);
		assertThat(notDelete.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(DELETE)))).isEmpty();

		Api.Response deleted = api.post(base(), token, Map.of("action", "delete", "replyId", reply, "note",
				"wrong thread"));
		assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(201);
		assertThat(deleted.json().get("outcome").asString()).isEqualTo("done");
		assertThat(deleted.json().get("replyId").asString()).isEqualTo(reply);
		assertThat(deleted.json().get("target").asString()).isEqualTo(remoteId);
		JsonNode delete = json(pds.findAll(postRequestedFor(urlPathEqualTo(DELETE))).getFirst().getBodyAsString());
		assertThat(delete.path("repo").asString()).isEqualTo(did);
		assertThat(delete.path("rkey").asString()).isEqualTo(remoteId.substring(remoteId.lastIndexOf('/') + 1));

		JsonNode detail = api.get("/api/v1/inbox/conversations/" + conversation, token).json();
		JsonNode ours = detail.get("replies").get(0);
		assertThat(ours.get("text").asString()).isEqualTo("Sorry, wrong thread");
		assertThat(ours.get("deletedAt").isNull()).isFalse();
		detail.get("items").forEach(item -> assertThat(item.get("moderation")).as("kept with the reply").isEmpty());

		Api.Response again = api.post(base(), token, Map.of("action", "delete", "replyId", reply));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("replyId");
		Membership other = world.workspace("moderationreplyother");
		assertThat(api.post(base(), world.token(world.owner(other), other), Map.of("action", "delete", "replyId",
				reply)).status()).isEqualTo(404);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(DELETE)))).hasSize(1);
		// the audit trail names the reply
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.item.moderated").contains(reply));
	}

	@Test
	void anOutageIsKeptAsFailedWith503AndCanBeTakenAgain() {
		pds.stubFor(post(MUTE).willReturn(BlueskyAnswers.error(503, "NotEnoughResources", "Service Unavailable")));
		Api.Response failed = moderate("mute", bobsReply, "");
		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.header("Content-Type")).contains("application/problem+json");
		assertThat(failed.json().get("detail").asString()).contains("Bluesky");

		JsonNode kept = api.get(base(), token).json().get("taken").get(0);
		assertThat(kept.get("action").asString()).isEqualTo("mute");
		assertThat(kept.get("outcome").asString()).isEqualTo("failed");
		assertThat(kept.get("error").asString()).contains("unavailable");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.item.moderation-failed"));

		pds.stubFor(post(MUTE).willReturn(BlueskyAnswers.json(Map.of())));
		Api.Response retried = api.post(base() + "/" + kept.get("id").asString() + "/retry", token, "{}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().get("outcome").asString()).isEqualTo("done");
		assertThat(api.post(base() + "/" + kept.get("id").asString() + "/retry", token, "{}").status())
			.isEqualTo(409);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(MUTE)))).hasSize(2);
	}

	@Test
	void credentialsBlueskyRefusesAreA409AndTheActionIsKeptAsFailed() {
		pds.stubFor(post(MUTE).willReturn(BlueskyAnswers.error(401, "AuthenticationRequired", "Invalid token")));
		Api.Response refused = moderate("mute", bobsReply, "");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("connected again");
		JsonNode kept = api.get(base(), token).json().get("taken").get(0);
		assertThat(kept.get("outcome").asString()).isEqualTo("failed");
		assertThat(kept.get("errorKey").asString()).isEqualTo("inbox.moderation.channel-needs-reauthorization");
	}

	@Test
	void moderationNeedsTheRightToReplyAndAnotherWorkspaceGets404() {
		UserAccount contributor = world.member(workspace, "contributor", Role.CONTRIBUTOR);
		assertThat(api.post(base(), world.token(contributor, workspace), Map.of("action", "mute", "itemId",
				bobsReply)).status()).isEqualTo(403);
		String taken = moderate("mute", bobsReply, "").json().get("id").asString();

		Membership other = world.workspace("moderationother");
		String otherToken = world.token(world.owner(other), other);
		assertThat(api.get(base(), otherToken).status()).isEqualTo(404);
		assertThat(api.post(base(), otherToken, Map.of("action", "block", "itemId", bobsReply)).status())
			.isEqualTo(404);
		assertThat(api.post(base() + "/" + taken + "/retry", otherToken, "{}").status()).isEqualTo(404);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(MUTE)))).hasSize(1);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
	}
}
