package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.publishing.internal.PublishEngine;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * Posts through the API to a Bluesky channel whose server answers as the AT Protocol documents it (WireMock):
 * scheduled and published once, refused with the rule named, retried, held by the crisis switch, and recovered after
 * a publish whose answer was lost.
 */
@ChorusIntegrationTest
class PublishingIntegrationTests {

	static final String CREATE = "/xrpc/com.atproto.repo.createRecord";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublishEngine engine;

	Api api;
	Membership workspace;
	String token;
	String channelId;
	String did;

	@BeforeEach
	void aWorkspaceWithABlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("publishing");
		token = world.token(world.owner(workspace), workspace);
		did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		channelId = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", "brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
	}

	@Test
	void aPostScheduledAheadIsPublishedOnceOnTime() {
		Instant due = Instant.now().plusSeconds(3);
		Api.Response created = api.post("/api/v1/posts", token, Map.of("text", "Spring sale starts now 🌷",
				"channelIds", List.of(channelId), "scheduledAt", due.toString()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("scheduled");
		String id = created.json().get("id").asString();

		JsonNode post = awaitStatus(id, "published", Duration.ofSeconds(20));
		JsonNode variant = post.get("variants").get(0);
		assertThat(variant.get("channelId").asString()).isEqualTo(channelId);
		assertThat(variant.get("status").asString()).isEqualTo("published");
		assertThat(variant.get("remoteId").asString()).startsWith("at://" + did + "/app.bsky.feed.post/");
		assertThat(variant.get("url").asString()).startsWith("https://bsky.app/profile/");
		assertThat(variant.get("error").isNull()).isTrue();
		assertThat(Instant.parse(variant.get("publishedAt").asString())).isAfterOrEqualTo(due.minusSeconds(1));
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
		assertThat(api.get("/api/v1/posts/" + id + "/variants/" + variant.get("id").asString() + "/attempts", token)
			.json().get("items")).hasSize(1);
	}

	@Test
	void aThreadAndAFirstCommentGoOutAsRepliesEachToThePartBefore() {
		Api.Response created = api.post("/api/v1/posts", token, Map.of("text", "1/3 Our spring plans",
				"channelIds", List.of(channelId), "publishNow", true, "thread", List.of("2/3 Tulips", "3/3 Daffodils"),
				"firstComment", "Tickets: see our profile"));
		assertThat(created.status()).isEqualTo(201);
		awaitStatus(created.json().get("id").asString(), "published", Duration.ofSeconds(20));
		var writes = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(4);
		JsonNode first = json(writes.get(0).getBodyAsString());
		assertThat(first.path("record").has("reply")).isFalse();
		String root = "at://" + did + "/app.bsky.feed.post/" + first.path("rkey").asString();
		String previous = root;
		for (int i = 1; i < 4; i++) {
			JsonNode part = json(writes.get(i).getBodyAsString());
			assertThat(part.path("record").path("reply").path("root").path("uri").asString()).isEqualTo(root);
			assertThat(part.path("record").path("reply").path("parent").path("uri").asString()).isEqualTo(previous);
			previous = "at://" + did + "/app.bsky.feed.post/" + part.path("rkey").asString();
		}
		assertThat(json(writes.get(3).getBodyAsString()).path("record").path("text").asString())
			.isEqualTo("Tickets: see our profile");

		Api.Response tooLong = api.post("/api/v1/posts", token, Map.of("text", "ok", "channelIds",
				List.of(channelId), "publishNow", true, "thread", List.of("x".repeat(301))));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.raw().body()).contains("variants[0].thread[0].text");
	}

	private static JsonNode json(String body) {
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
	}

	@Test
	void aVariantThatBreaksItsNetworksRulesIsRefusedWithTheRuleNamed() {
		Api.Response refused = api.post("/api/v1/posts", token, Map.of("text", "ab".repeat(151),
				"channelIds", List.of(channelId), "publishNow", true));
		assertThat(refused.status()).isEqualTo(422);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("variants[0].text");
		assertThat(error.get("message").asString()).contains("Bluesky").contains("300").contains("302");
		assertThat(postRows()).isZero();

		Api.Response draft = api.post("/api/v1/posts", token, Map.of("text", "ab".repeat(151),
				"channelIds", List.of(channelId)));
		assertThat(draft.status()).as("a draft may break the rules while it is being written").isEqualTo(201);
		assertThat(draft.json().get("status").asString()).isEqualTo("draft");
	}

	@Test
	void aRepeatedRequestWithTheSameIdempotencyKeyMakesOnePost() {
		Map<String, Object> body = Map.of("text", "Once only", "channelIds", List.of(channelId));
		String key = UUID.randomUUID().toString();
		Api.Response first = api.postWithHeaders("/api/v1/posts", token, body, Map.of("Idempotency-Key", key));
		Api.Response again = api.postWithHeaders("/api/v1/posts", token, body, Map.of("Idempotency-Key", key));
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(postRows()).isEqualTo(1);
		Api.Response different = api.postWithHeaders("/api/v1/posts", token,
				Map.of("text", "Something else", "channelIds", List.of(channelId)), Map.of("Idempotency-Key", key));
		assertThat(different.status()).isEqualTo(422);
		assertThat(different.raw().body()).contains("Idempotency-Key");
	}

	@Test
	void aNetworkFailureIsRetriedWithTheSameKeyUntilItGoesThrough() {
		pds.stubFor(post(CREATE).inScenario("flaky").whenScenarioStateIs(STARTED)
			.willReturn(BlueskyAnswers.error(502, "UpstreamFailure", "Bad gateway")).willSetStateTo("up"));
		pds.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord")).willReturn(
				BlueskyAnswers.error(400, "RecordNotFound", "Could not locate record")));
		pds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
				"/xrpc/com.atproto.repo.getRecord")).willReturn(BlueskyAnswers.error(400, "RecordNotFound",
						"Could not locate record")));
		String id = publishNow("Through the outage");
		JsonNode post = awaitStatus(id, "published", Duration.ofSeconds(20));
		assertThat(post.get("variants").get(0).get("attempts").asInt()).isEqualTo(2);
		var writes = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(2);
		assertThat(writes.get(0).getBodyAsString()).isEqualTo(writes.get(1).getBodyAsString().replaceAll(
				"\"createdAt\":\"[^\"]+\"", writes.get(0).getBodyAsString().replaceAll(".*(\"createdAt\":\"[^\"]+\").*",
						"$1")));
	}

	@Test
	void aRefusalFailsTheVariantAndTellsTheAuthor() {
		pds.stubFor(post(CREATE).willReturn(BlueskyAnswers.error(400, "InvalidRequest",
				"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes")));
		String id = publishNow("Refused by the server");
		JsonNode post = awaitStatus(id, "failed", Duration.ofSeconds(20));
		assertThat(post.get("variants").get(0).get("error").asString()).isEqualTo("The network refused the post.");
		assertThat(post.get("variants").get(0).get("errorDetail").asString()).contains("300 graphemes");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/notifications", token).json().get("items").findValuesAsString("messageKey"))
			.contains("notice.post.failed"));
	}

	@Test
	void theCrisisSwitchHoldsPostsAndResumingSendsThem() {
		Api.Response paused = api.post("/api/v1/publishing/pause", token, Map.of("reason", "Outage statement"));
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.json().get("paused").asBoolean()).isTrue();
		String id = publishNow("Held during the crisis");
		awaitStatus(id, "held", Duration.ofSeconds(20));
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
		assertThat(api.get("/api/v1/publishing", token).json().get("held").asInt()).isEqualTo(1);
		assertThat(api.post("/api/v1/publishing/pause", token, Map.of("reason", "again")).status()).isEqualTo(409);

		Api.Response resumed = api.post("/api/v1/publishing/resume", token, Map.of());
		assertThat(resumed.json().get("paused").asBoolean()).isFalse();
		awaitStatus(id, "published", Duration.ofSeconds(20));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("publishing.paused")
			.contains("publishing.resumed"));
	}

	@Test
	void aPublishLeftMidCallIsResentSafelyWithinTheNetworksIdempotencyWindow() {
		String id = api.post("/api/v1/posts", token, Map.of("text", "Left mid-call",
				"channelIds", List.of(channelId), "scheduledAt", Instant.now().plusSeconds(3600).toString()))
			.json().get("id").asString();
		UUID variant = UUID.fromString(api.get("/api/v1/posts/" + id, token).json().get("variants").get(0)
			.get("id").asString());
		leftMidCall(variant, Instant.now().minusSeconds(60));

		engine.run(workspace.workspaceId(), variant);

		JsonNode post = api.get("/api/v1/posts/" + id, token).json();
		assertThat(post.get("status").asString()).isEqualTo("published");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
	}

	@Test
	void aPublishLeftMidCallBeyondTheWindowWaitsForAPerson() {
		String id = api.post("/api/v1/posts", token, Map.of("text", "Lost long ago",
				"channelIds", List.of(channelId), "scheduledAt", Instant.now().plusSeconds(3600).toString()))
			.json().get("id").asString();
		UUID variant = UUID.fromString(api.get("/api/v1/posts/" + id, token).json().get("variants").get(0)
			.get("id").asString());
		leftMidCall(variant, Instant.now().minus(Duration.ofDays(3660)));

		engine.run(workspace.workspaceId(), variant);

		JsonNode post = api.get("/api/v1/posts/" + id, token).json();
		assertThat(post.get("status").asString()).isEqualTo("needs_confirmation");
		assertThat(post.get("variants").get(0).get("status").asString()).isEqualTo("needs_confirmation");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
	}

	@Test
	void aChannelAtItsNetworksPostingCapWaitsForTheWindowInsteadOfBeingRefused() {
		String earlier = api.post("/api/v1/posts", token, Map.of("text", "Earlier", "channelIds",
				List.of(channelId))).json().get("id").asString();
		Instant oldest = Instant.now().minus(Duration.ofMinutes(50));
		// Bluesky: Chorus keeps to 1,500 posts an hour per account
		jdbc.sql("""
				insert into publishing.variants (id, post_id, workspace_id, channel_id, network, surface, position, text,
				    status, idempotency_key, published_at, updated_at)
				select gen_random_uuid(), ?, ?, ?, 'bluesky', 'bluesky-post', n, 'old', 'published',
				    'cap-' || gen_random_uuid(), cast(? as timestamptz) + (n * interval '1 second'), now()
				from generate_series(1, 1500) n""")
			.params(UUID.fromString(earlier), workspace.workspaceId().value(), UUID.fromString(channelId),
					java.sql.Timestamp.from(oldest))
			.update();

		String id = publishNow("One too many this hour");
		JsonNode variant = Awaitility.await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get("/api/v1/posts/" + id, token).json().get("variants").get(0),
					v -> "publishing.error.posting-cap".equals(v.get("errorKey").asString()));
		assertThat(variant.get("status").asString()).isEqualTo("scheduled");
		assertThat(Instant.parse(variant.get("nextAttemptAt").asString()))
			.isBetween(oldest.plus(Duration.ofHours(1)), oldest.plus(Duration.ofHours(1)).plusSeconds(5));
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();
	}

	@Test
	void onlyThoseAllowedToPublishOnAChannelMaySchedule() {
		String contributor = world.token(world.member(workspace, "writer", Role.CONTRIBUTOR), workspace);
		assertThat(api.post("/api/v1/posts", contributor, Map.of("text", "Draft by a contributor",
				"channelIds", List.of(channelId))).status()).isEqualTo(201);
		Api.Response refused = api.post("/api/v1/posts", contributor, Map.of("text", "Straight out",
				"channelIds", List.of(channelId), "publishNow", true));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.raw().body()).contains("channelIds");
	}

	@Test
	void anotherWorkspaceGetsNotFoundForEveryPostEndpoint() {
		String id = api.post("/api/v1/posts", token, Map.of("text", "Ours", "channelIds", List.of(channelId)))
			.json().get("id").asString();
		Membership elsewhere = world.workspace("elsewhere");
		String theirs = world.token(world.owner(elsewhere), elsewhere);
		assertThat(api.get("/api/v1/posts/" + id, theirs).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/posts/" + id, theirs).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/posts/" + id + "/schedule", theirs,
				Map.of("scheduledAt", Instant.now().plusSeconds(60).toString())).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/posts", theirs).raw().body()).doesNotContain(id);
		Api.Response usingOurChannel = api.post("/api/v1/posts", theirs, Map.of("text", "Borrowed",
				"channelIds", List.of(channelId)));
		assertThat(usingOurChannel.status()).isEqualTo(422);
		assertThat(api.get("/api/v1/posts/" + id, token).status()).isEqualTo(200);
	}

	private String publishNow(String text) {
		Api.Response created = api.post("/api/v1/posts", token, Map.of("text", text, "channelIds",
				List.of(channelId), "publishNow", true));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void leftMidCall(UUID variant, Instant startedAt) {
		jdbc.sql("update publishing.variants set status = 'publishing', attempts = 1 where id = ?").param(variant)
			.update();
		jdbc.sql("""
				insert into publishing.attempts (id, variant_id, workspace_id, number, node, started_at)
				values (?, ?, ?, 1, 'a node that died', ?)""")
			.params(UUID.randomUUID(), variant, workspace.workspaceId().value(), java.sql.Timestamp.from(startedAt))
			.update();
	}

	private JsonNode awaitStatus(String id, String status, Duration within) {
		return Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/posts/" + id, token).json(), post -> status.equals(post.get("status")
				.asString()));
	}

	private int postRows() {
		return jdbc.sql("select count(*) from publishing.posts where workspace_id = ?")
			.param(workspace.workspaceId().value()).query(Integer.class).single();
	}
}
