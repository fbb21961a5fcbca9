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
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.shared.audit.AuditActor;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import app.chorus.workspace.internal.WorkspaceService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbox automation rules on a Bluesky channel (its server answering as the lexicon documents, WireMock): rules run in
 * order on every new item and stop where a rule says so, tag, prioritise, assign, answer once with a saved reply
 * filled in, and say why they skipped what they could not do; their hits are counted; and no workspace sees or
 * touches another's rules.
 */
@ChorusIntegrationTest
class InboxRulesIntegrationTests {

	static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	static final Instant T = Instant.parse("2026-04-01T10:00:00Z");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	WorkspaceService workspaces;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	String did;
	String channel;
	String ourPost;
	final List<Map<String, Object>> notifications = new ArrayList<>();

	@BeforeEach
	void aWorkspaceWithABlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("rules");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		ourPost = postUri(did, "3lourpost2222");
		newest(pds, List.of());
		channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(), "handle",
				"brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
	}

	/** The channel's server now also lists these, newest first, and the inbox reads it. */
	@SafeVarargs
	private void receive(Map<String, Object>... arrived) {
		for (Map<String, Object> notification : arrived) {
			notifications.addFirst(notification);
		}
		newest(pds, notifications);
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();
	}

	private Map<String, Object> reply(String rkey, String text, int second) {
		return notification(rkey, "reply", text, T.plusSeconds(second), replyTo(ourPost, ourPost), ourPost);
	}

	private String rule(Map<String, Object> body) {
		Api.Response created = api.post("/api/v1/inbox/rules", token, body);
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/v1/inbox/rules/" + created.json().get("id").asString());
		return created.json().get("id").asString();
	}

	private static Map<String, Object> keywords(String... words) {
		return Map.of("on", "keywords", "words", List.of(words));
	}

	private static Map<String, Object> tag(String... tags) {
		return Map.of("do", "tag", "tags", List.of(tags));
	}

	private JsonNode item(String text) {
		return itemWhere("text", text);
	}

	private JsonNode itemWhere(String field, String value) {
		for (JsonNode item : api.get("/api/v1/inbox/items?channelId=" + channel, token).json().get("items")) {
			if (item.get(field).asString().equals(value)) {
				return item;
			}
		}
		throw new AssertionError("no item with " + field + " " + value);
	}

	private JsonNode conversationOf(String text) {
		return api.get("/api/v1/inbox/conversations/" + item(text).get("conversationId").asString(), token).json();
	}

	private List<String> tagsOf(String text) {
		List<String> tags = new ArrayList<>();
		conversationOf(text).get("tags").forEach(tag -> tags.add(tag.asString()));
		return tags;
	}

	private JsonNode hits(String rule) {
		return api.get("/api/v1/inbox/rules/" + rule + "/hits", token).json().get("items");
	}

	private long hitCount(String rule) {
		return api.get("/api/v1/inbox/rules/" + rule, token).json().get("hits").asLong();
	}

	private static void eventually(Runnable assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(assertion::run);
	}

	@Test
	void rulesRunInOrderAndAStopProcessingRuleEndsTheRun() {
		String refunds = rule(Map.of("name", "Refunds", "conditions", List.of(keywords("refund*")), "actions",
				List.of(tag("refund")), "stopProcessing", true));
		String billing = rule(Map.of("name", "Billing", "conditions", List.of(keywords("refund*")), "actions",
				List.of(tag("Billing "), Map.of("do", "priority", "priority", "high"))));
		String disabled = rule(Map.of("name", "Off", "enabled", false, "conditions", List.of(keywords("refund")),
				"actions", List.of(tag("never"))));

		receive(mention("m1", "Where is my refund?", T.plusSeconds(1)));
		eventually(() -> assertThat(hitCount(refunds)).isEqualTo(1));
		assertThat(tagsOf("Where is my refund?")).containsExactly("refund");
		assertThat(conversationOf("Where is my refund?").get("priority").asString()).isEqualTo("normal");
		assertThat(hitCount(billing)).isZero();
		assertThat(api.get("/api/v1/inbox/rules/" + refunds, token).json().get("lastHitAt").isNull()).isFalse();

		Api.Response reordered = api.putJson("/api/v1/inbox/rules/order", token,
				Map.of("ids", List.of(billing, refunds, disabled)));
		assertThat(reordered.status()).isEqualTo(200);
		assertThat(reordered.json().get("items").get(0).get("id").asString()).isEqualTo(billing);
		assertThat(reordered.json().get("items").get(1).get("position").asInt()).isEqualTo(2);

		receive(mention("m2", "Refunds take forever", T.plusSeconds(2)));
		eventually(() -> assertThat(hitCount(refunds)).isEqualTo(2));
		assertThat(tagsOf("Refunds take forever")).containsExactly("billing", "refund");
		assertThat(conversationOf("Refunds take forever").get("priority").asString()).isEqualTo("high");
		assertThat(hitCount(billing)).isEqualTo(1);
		assertThat(hitCount(disabled)).isZero();

		// the tag filters of the lists
		JsonNode billed = api.get("/api/v1/inbox/items?tag=BILLING", token).json().get("items");
		assertThat(billed).hasSize(1);
		assertThat(billed.get(0).get("text").asString()).isEqualTo("Refunds take forever");
		assertThat(billed.get(0).get("tags").toString()).isEqualTo("[\"billing\",\"refund\"]");
		assertThat(api.get("/api/v1/inbox/conversations?tag=refund", token).json().get("items")).hasSize(2);
		assertThat(api.get("/api/v1/inbox/conversations?tag=never", token).json().get("items")).isEmpty();
	}

	@Test
	void aKeywordLanguageAndSentimentRuleTagsAndRaisesThePriority() {
		String angry = rule(Map.of("name", "Angry customers", "conditions",
				List.of(keywords("worst", "useless"), Map.of("on", "language", "codes", List.of("EN")),
						Map.of("on", "sentiment", "labels", List.of("negative"))),
				"actions", List.of(tag("angry"), Map.of("do", "priority", "priority", "urgent"))));
		String negative = "This is the worst service, totally useless";
		String positive = "Not the worst day: I love this wonderful team and their great, helpful service";
		receive(mention("m1", negative, T.plusSeconds(1)), mention("m2", positive, T.plusSeconds(2)));

		eventually(() -> assertThat(tagsOf(negative)).containsExactly("angry"));
		assertThat(item(negative).get("language").asString()).isEqualTo("en");
		assertThat(item(negative).get("sentiment").get("label").asString()).isEqualTo("negative");
		assertThat(conversationOf(negative).get("priority").asString()).isEqualTo("urgent");
		assertThat(item(positive).get("sentiment").get("label").asString()).isEqualTo("positive");
		assertThat(hitCount(angry)).isEqualTo(1);
		assertThat(tagsOf(positive)).isEmpty();
		assertThat(conversationOf(positive).get("priority").asString()).isEqualTo("normal");
	}

	@Test
	void anAssignRuleAssignsToAMemberAndSkipsOneWhoLeft() {
		UserAccount agent = world.member(workspace, "agent", Role.PUBLISHER);
		String assign = rule(Map.of("name", "Mentions to the agent", "conditions",
				List.of(Map.of("on", "type", "types", List.of("mention"))), "actions",
				List.of(Map.of("do", "assign", "memberId", agent.id().value().toString()), tag("triage"))));
		receive(mention("m1", "hello there", T.plusSeconds(1)));
		eventually(() -> assertThat(conversationOf("hello there").get("assigneeId").asString())
			.isEqualTo(agent.id().value().toString()));

		workspaces.removeMember(workspace, agent.id(), AuditActor.system());
		receive(mention("m2", "anyone home?", T.plusSeconds(2)));
		eventually(() -> assertThat(hitCount(assign)).isEqualTo(2));
		assertThat(conversationOf("anyone home?").get("assigneeId").isNull()).isTrue();
		assertThat(tagsOf("anyone home?")).containsExactly("triage");
		JsonNode skipped = hits(assign).get(0).get("outcomes").get(0);
		assertThat(skipped.get("action").asString()).isEqualTo("assign");
		assertThat(skipped.get("result").asString()).isEqualTo("skipped");
		assertThat(skipped.get("reason").asString()).isEqualTo("member-left");
		assertThat(skipped.get("message").asString()).contains("no longer");
	}

	@Test
	void anAutomaticReplyGoesOutOnceWithItsVariablesFilledInAndARedeliveryDoesNotSendAgain() {
		String saved = api.post("/api/v1/inbox/saved-replies", token, Map.of("name", "Thanks", "text",
				"Hi {first_name}, thanks for writing to {channel}. {agent} will look at it.")).json().get("id")
			.asString();
		String thanks = rule(Map.of("name", "Thank repliers", "conditions",
				List.of(Map.of("on", "type", "types", List.of("reply"))), "actions",
				List.of(Map.of("do", "auto-reply", "savedReplyId", saved))));

		receive(reply("r1", "first!", 1), reply("r2", "second", 2));
		eventually(() -> assertThat(hitCount(thanks)).isEqualTo(2));
		eventually(() -> assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1));
		JsonNode record = JsonMapper.builder().build()
			.readTree(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))).getFirst().getBodyAsString())
			.path("record");
		assertThat(record.path("text").asString())
			.isEqualTo("Hi Bob, thanks for writing to Brand. " + owner.displayName() + " will look at it.");
		assertThat(record.path("reply").path("parent").path("uri").asString())
			.isEqualTo(postUri(BlueskyNotifications.BOB, "r1"));

		JsonNode conversation = conversationOf("first!");
		assertThat(conversation.get("replies")).hasSize(1);
		JsonNode sent = conversation.get("replies").get(0);
		assertThat(sent.get("status").asString()).isEqualTo("sent");
		assertThat(sent.get("authorId").asString()).isEqualTo(owner.id().value().toString());
		assertThat(conversation.get("firstResponseAt").isNull()).isFalse();
		eventually(() -> {
			List<String> results = new ArrayList<>();
			for (JsonNode hit : hits(thanks)) {
				JsonNode outcome = hit.get("outcomes").get(0);
				results.add(outcome.get("result").asString() + " "
						+ (outcome.get("reason").isNull() ? "" : outcome.get("reason").asString()));
			}
			assertThat(results).containsExactlyInAnyOrder("applied ", "skipped not-first");
		});

		// the same event delivered again (as after a crash) finds the rule applied and sends nothing more
		String r1 = item("first!").get("id").asString();
		redeliver(r1);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
		assertThat(hitCount(thanks)).isEqualTo(2);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.rule.applied")
			.contains("inbox.reply.sent"));
	}

	@Test
	void anAutomaticReplyTheNetworkRefusesIsKeptAsFailedOnTheHitAndNotSentAgain() {
		pds.stubFor(post(CREATE).willReturn(BlueskyAnswers.error(503, "InternalServerError", "down")));
		String saved = api.post("/api/v1/inbox/saved-replies", token, Map.of("name", "Ack", "text", "Thanks {name}!"))
			.json().get("id").asString();
		String ack = rule(Map.of("name", "Acknowledge", "conditions", List.of(keywords("help")), "actions",
				List.of(Map.of("do", "auto-reply", "savedReplyId", saved))));
		receive(reply("r1", "help please", 1));

		eventually(() -> assertThat(hits(ack).get(0).get("outcomes").get(0).get("result").asString())
			.isEqualTo("failed"));
		JsonNode outcome = hits(ack).get(0).get("outcomes").get(0);
		assertThat(outcome.get("reason").asString()).isEqualTo("reply-failed");
		assertThat(outcome.get("detail").asString()).startsWith("inbox.reply.network");
		JsonNode reply = conversationOf("help please").get("replies").get(0);
		assertThat(reply.get("status").asString()).isEqualTo("failed");
		assertThat(reply.get("text").asString()).isEqualTo("Thanks Bob!");
		assertThat(reply.get("id").asString()).isEqualTo(outcome.get("replyId").asString());
		int attempts = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))).size();

		redeliver(item("help please").get("id").asString());
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(attempts);
		assertThat(conversationOf("help please").get("replies")).hasSize(1);
	}

	@Test
	void aRuleWhoseAuthorLeftSkipsItsAutomaticReplyAndSaysWhy() {
		UserAccount manager = world.member(workspace, "manager", Role.MANAGER);
		String managerToken = world.token(manager, workspace);
		String saved = api.post("/api/v1/inbox/saved-replies", managerToken, Map.of("name", "Hi", "text", "Hi!"))
			.json().get("id").asString();
		Api.Response created = api.post("/api/v1/inbox/rules", managerToken, Map.of("name", "Greet", "conditions",
				List.of(keywords("hello")), "actions", List.of(Map.of("do", "auto-reply", "savedReplyId", saved))));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("updatedBy").asString()).isEqualTo(manager.id().value().toString());
		String greet = created.json().get("id").asString();

		workspaces.removeMember(workspace, manager.id(), AuditActor.system());
		receive(reply("r1", "hello?", 1));
		eventually(() -> assertThat(hits(greet).get(0).get("outcomes").get(0).get("reason").isNull()).isFalse());
		JsonNode outcome = hits(greet).get(0).get("outcomes").get(0);
		assertThat(outcome.get("result").asString()).isEqualTo("skipped");
		assertThat(outcome.get("reason").asString()).isEqualTo("author-left");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
		assertThat(conversationOf("hello?").get("replies")).isEmpty();
	}

	/** Publishes the item's InboxItemsReceived again and waits until every listener has taken it. */
	private void redeliver(String itemId) {
		JsonNode item = itemWhere("id", itemId);
		InboxItemsReceived again = new InboxItemsReceived(workspace.workspaceId(), ChannelId.of(channel), "bluesky",
				List.of(new InboxItemsReceived.Item(UUID.fromString(itemId),
						UUID.fromString(item.get("conversationId").asString()), item.get("type").asString(),
						Instant.parse(item.get("createdAt").asString()),
						Instant.parse(item.get("receivedAt").asString()))));
		transactions.executeWithoutResult(s -> events.publishEvent(again));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from event_publication where serialized_event like ?").param("%" + itemId + "%")
			.query(Long.class).single() == 0);
	}

	@Test
	void aMentionIsNotHiddenAndTheHitSaysOnlyRepliesCanBe() {
		String hide = rule(Map.of("name", "Hide spam", "conditions", List.of(keywords("crypto giveaway")), "actions",
				List.of(Map.of("do", "hide"), tag("spam"))));
		receive(mention("m1", "Free CRYPTO   giveaway, click now", T.plusSeconds(1)));
		eventually(() -> assertThat(hitCount(hide)).isEqualTo(1));
		JsonNode outcomes = hits(hide).get(0).get("outcomes");
		assertThat(outcomes.get(0).get("action").asString()).isEqualTo("hide");
		assertThat(outcomes.get(0).get("result").asString()).isEqualTo("skipped");
		assertThat(outcomes.get(0).get("reason").asString()).isEqualTo("not-a-reply");
		assertThat(outcomes.get(1).get("result").asString()).isEqualTo("applied");
		assertThat(tagsOf("Free CRYPTO   giveaway, click now")).containsExactly("spam");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
	}

	@Test
	void aReplyUnderOurPostIsHiddenThroughTheThreadsThreadgate() {
		String hide = rule(Map.of("name", "Hide spam", "conditions", List.of(keywords("crypto giveaway")), "actions",
				List.of(Map.of("do", "hide"))));
		String reply = postUri(BlueskyNotifications.BOB, "r9");
		pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(reply))
			.willReturn(BlueskyAnswers.json(Map.of("posts", List.of(Map.of("uri", reply, "cid", "bafyreir9",
					"author", Map.of("did", BlueskyNotifications.BOB, "handle", "bob.test"), "indexedAt",
					T.toString(), "record", Map.of("$type", "app.bsky.feed.post", "text", "crypto giveaway",
							"createdAt", T.toString(), "reply", replyTo(ourPost, ourPost).get("reply"))))))));
		pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
			.withQueryParam("collection", equalTo("app.bsky.feed.threadgate"))
			.willReturn(BlueskyAnswers.error(400, "RecordNotFound", "Could not locate record")));

		receive(reply("r9", "crypto giveaway, click", 1));
		eventually(() -> assertThat(hits(hide).get(0).get("outcomes").get(0).get("result").asString())
			.isEqualTo("applied"));
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> writes = pds
			.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(1);
		JsonNode written = JsonMapper.builder().build().readTree(writes.get(0).getBodyAsString());
		assertThat(written.get("collection").asString()).isEqualTo("app.bsky.feed.threadgate");
		assertThat(written.get("rkey").asString()).isEqualTo("3lourpost2222");
		assertThat(written.get("repo").asString()).isEqualTo(did);
		assertThat(written.at("/record/post").asString()).isEqualTo(ourPost);
		assertThat(written.at("/record/hiddenReplies/0").asString()).isEqualTo(reply);
		assertThat(written.at("/record/allow").isMissingNode()).as("everyone may still reply").isTrue();
	}

	@Test
	void rulesAreCheckedAndEachProblemNamesItsField() {
		UserAccount stranger = world.person("stranger");
		Api.Response none = api.post("/api/v1/inbox/rules", token, Map.of("name", " ", "conditions", List.of(),
				"actions", List.of()));
		assertThat(none.status()).isEqualTo(422);
		assertThat(fields(none)).containsExactlyInAnyOrder("name", "conditions", "actions");

		Api.Response bad = api.post("/api/v1/inbox/rules", token, Map.of("name", "Bad",
				"conditions", List.of(Map.of("on", "keywords", "words", List.of()),
						Map.of("on", "keywords", "words", List.of("ok", "*")), Map.of("on", "colour"),
						Map.of("on", "sentiment", "labels", List.of("furious")),
						Map.of("on", "channel", "ids", List.of(UUID.randomUUID().toString()))),
				"actions", List.of(Map.of("do", "assign", "memberId", stranger.id().value().toString()),
						Map.of("do", "priority", "priority", "asap"),
						Map.of("do", "auto-reply", "savedReplyId", UUID.randomUUID().toString()),
						Map.of("do", "tag", "tags", List.of("x".repeat(51))), Map.of("do", "explode"))));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(fields(bad)).containsExactlyInAnyOrder("conditions[0].words", "conditions[1].words[1]",
				"conditions[2].on", "conditions[3].labels[0]", "conditions[4].ids", "actions[0].memberId",
				"actions[1].priority", "actions[2].savedReplyId", "actions[3].tags[0]", "actions[4].do");
		assertThat(api.get("/api/v1/inbox/rules", token).json().get("items")).isEmpty();

		UserAccount publisher = world.member(workspace, "publisher", Role.PUBLISHER);
		String publisherToken = world.token(publisher, workspace);
		Map<String, Object> good = Map.of("name", "Good", "conditions", List.of(keywords("hello")), "actions",
				List.of(tag("greeting")));
		assertThat(api.post("/api/v1/inbox/rules", publisherToken, good).status()).isEqualTo(403);
		String id = rule(good);
		assertThat(api.get("/api/v1/inbox/rules", publisherToken).json().get("items")).hasSize(1);

		Api.Response updated = api.putJson("/api/v1/inbox/rules/" + id, token, Map.of("name", "Greetings",
				"conditions", List.of(keywords("hello", "hi")), "actions", List.of(tag("greeting")), "enabled", false));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("enabled").asBoolean()).isFalse();
		assertThat(updated.json().get("conditions").get(0).get("words").toString()).isEqualTo("[\"hello\",\"hi\"]");
		assertThat(updated.json().get("conditions").get(0).get("on").asString()).isEqualTo("keywords");
		assertThat(updated.json().get("actions").get(0).get("do").asString()).isEqualTo("tag");
		assertThat(api.putJson("/api/v1/inbox/rules/order", token, Map.of("ids", List.of())).json().get("errors")
			.get(0).get("field").asString()).isEqualTo("ids");
		assertThat(api.delete("/api/v1/inbox/rules/" + id, token).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/inbox/rules/" + id, token).status()).isEqualTo(404);
	}

	private static List<String> fields(Api.Response problem) {
		List<String> fields = new ArrayList<>();
		problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

	@Test
	void savedRepliesAreCheckedPreviewedAndKeptWhileARuleUsesThem() {
		Api.Response unknown = api.post("/api/v1/inbox/saved-replies", token,
				Map.of("name", "Oops", "text", "Hi {firstname} :-{)"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("{firstname}")
			.contains("{first_name}");

		Api.Response created = api.post("/api/v1/inbox/saved-replies", token, Map.of("name", "Welcome", "text",
				"Hello {name} ({handle}), {first_name}! :-{)", "shortcut", "Welcome"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith("/api/v1/inbox/saved-replies/" + id);
		assertThat(created.json().get("shortcut").asString()).isEqualTo("welcome");
		Api.Response taken = api.post("/api/v1/inbox/saved-replies", token,
				Map.of("name", "welcome", "text", "x", "shortcut", "welcome"));
		assertThat(fields(taken)).containsExactly("name", "shortcut");

		receive(mention("m1", "hi!", T.plusSeconds(1)));
		String conversation = item("hi!").get("conversationId").asString();
		Api.Response preview = api.get("/api/v1/inbox/conversations/" + conversation + "/saved-replies/" + id
				+ "/preview", token);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("text").asString()).isEqualTo("Hello Bob (@bob.test), Bob! :-{)");

		Api.Response changed = api.putJson("/api/v1/inbox/saved-replies/" + id, token,
				Map.of("name", "Welcome", "text", "Welcome, {first_name}. {agent}"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("shortcut").isNull()).isTrue();
		assertThat(api.get("/api/v1/inbox/saved-replies", token).json().get("items")).hasSize(1);

		rule(Map.of("name", "Welcome mentions", "conditions", List.of(Map.of("on", "author", "handles",
				List.of("@nobody.test"))), "actions", List.of(Map.of("do", "auto-reply", "savedReplyId", id))));
		Api.Response inUse = api.delete("/api/v1/inbox/saved-replies/" + id, token);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.json().get("detail").asString()).contains("Welcome mentions");
	}

	@Test
	void conversationTagsAreKeptNormalisedAndChecked() {
		receive(mention("m1", "tag me", T.plusSeconds(1)));
		String conversation = item("tag me").get("conversationId").asString();
		Api.Response tagged = api.patch("/api/v1/inbox/conversations/" + conversation, token,
				Map.of("tags", List.of(" Refund ", "REFUND", "ＶＩＰ  customer")));
		assertThat(tagged.status()).isEqualTo(200);
		assertThat(tagged.json().get("tags").toString()).isEqualTo("[\"refund\",\"vip customer\"]");
		assertThat(tagged.json().get("status").asString()).isEqualTo("new");
		assertThat(item("tag me").get("tags").toString()).isEqualTo("[\"refund\",\"vip customer\"]");
		Api.Response tooLong = api.patch("/api/v1/inbox/conversations/" + conversation, token,
				Map.of("tags", List.of("ok", "x".repeat(51))));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(fields(tooLong)).containsExactly("tags[1]");
		assertThat(api.patch("/api/v1/inbox/conversations/" + conversation, token, Map.of("tags", List.of()))
			.json().get("tags")).isEmpty();
	}

	@Test
	void anotherWorkspaceNeitherSeesNorTouchesTheseRulesSavedRepliesAndTags() {
		String saved = api.post("/api/v1/inbox/saved-replies", token, Map.of("name", "Ours", "text", "Hi {name}"))
			.json().get("id").asString();
		String ours = rule(Map.of("name", "Ours", "conditions", List.of(keywords("secret")), "actions",
				List.of(tag("ours"))));
		receive(mention("m1", "a secret", T.plusSeconds(1)));
		eventually(() -> assertThat(hitCount(ours)).isEqualTo(1));
		String conversation = item("a secret").get("conversationId").asString();

		Membership other = world.workspace("rulesother");
		String otherToken = world.token(world.owner(other), other);
		for (String list : List.of("/api/v1/inbox/rules", "/api/v1/inbox/saved-replies", "/api/v1/inbox/items?tag=ours",
				"/api/v1/inbox/conversations?tag=ours")) {
			Api.Response answer = api.get(list, otherToken);
			assertThat(answer.status()).as(list).isEqualTo(200);
			assertThat(answer.json().get("items")).as(list).isEmpty();
		}
		Map<String, Object> rule = Map.of("name", "Theirs", "conditions", List.of(keywords("x")), "actions",
				List.of(tag("x")));
		assertThat(api.get("/api/v1/inbox/rules/" + ours, otherToken).status()).isEqualTo(404);
		assertThat(api.putJson("/api/v1/inbox/rules/" + ours, otherToken, rule).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/inbox/rules/" + ours + "/hits", otherToken).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/inbox/rules/" + ours, otherToken).status()).isEqualTo(404);
		assertThat(api.putJson("/api/v1/inbox/rules/order", otherToken, Map.of("ids", List.of(ours))).status())
			.isEqualTo(422);
		assertThat(api.get("/api/v1/inbox/saved-replies/" + saved, otherToken).status()).isEqualTo(404);
		assertThat(api.putJson("/api/v1/inbox/saved-replies/" + saved, otherToken, Map.of("name", "x", "text", "y"))
			.status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/inbox/saved-replies/" + saved, otherToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/inbox/conversations/" + conversation + "/saved-replies/" + saved + "/preview",
				otherToken).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/inbox/conversations/" + conversation, otherToken,
				Map.of("tags", List.of("theirs"))).status()).isEqualTo(404);
		// nor can their rules name this workspace's channel or saved reply
		Api.Response borrowed = api.post("/api/v1/inbox/rules", otherToken, Map.of("name", "Borrowed", "conditions",
				List.of(Map.of("on", "channel", "ids", List.of(channel))), "actions",
				List.of(Map.of("do", "auto-reply", "savedReplyId", saved))));
		assertThat(fields(borrowed)).containsExactlyInAnyOrder("conditions[0].ids", "actions[0].savedReplyId");

		assertThat(api.get("/api/v1/inbox/rules/" + ours, token).json().get("hits").asLong()).isEqualTo(1);
		assertThat(tagsOf("a secret")).containsExactly("ours");
		assertThat(api.get("/api/v1/inbox/saved-replies/" + saved, token).status()).isEqualTo(200);
	}
}
