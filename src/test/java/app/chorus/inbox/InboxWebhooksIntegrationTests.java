package app.chorus.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.shared.audit.AuditActor;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon instance pushing statuses to a channel's webhook (signed as Mastodon signs its server webhooks): each
 * message stored once whether it is delivered again or also read by polling, refusals answered and nothing stored,
 * and the webhook's secret shown once and kept to its workspace.
 */
@ChorusIntegrationTest
class InboxWebhooksIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String BRAND = "14715";

	@RegisterExtension
	static WireMockExtension instance = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
		.build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ChannelService channels;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	Api api;
	Membership workspace;
	String token;
	String channel;

	@BeforeEach
	void aWorkspaceWithAMastodonChannel() {
		api = new Api(port);
		workspace = world.workspace("webhooks");
		token = world.token(world.owner(workspace), workspace);
		channel = channels.store(workspace, AuditActor.system(), NetworkKey.MASTODON,
				new ConnectedAccount(BRAND, "brand@social.test", "Brand", null, instance.baseUrl(),
						new Credentials("user-token-1", null, null, Map.of()), Map.of()))
			.channel().id().value().toString();
		instance.stubFor(get(urlPathEqualTo("/api/v1/conversations")).willReturn(okJson("[]")));
		instance.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(okJson("[]")));
	}

	private static Map<String, Object> account(String id, String username) {
		return map("id", id, "username", username, "acct", username, "display_name", "", "locked", false, "bot",
				false, "group", false, "created_at", "2022-01-01T00:00:00.000Z", "note", "",
				"url", "https://social.test/@" + username, "avatar", "https://social.test/avatars/original/missing.png",
				"followers_count", 3, "following_count", 4, "statuses_count", 5, "emojis", List.of(),
				"fields", List.of());
	}

	/** A Status entity as Mastodon serialises it in webhooks and the API. */
	private static Map<String, Object> status(String id, Map<String, Object> author, String content,
			@Nullable String inReplyToId, @Nullable String inReplyToAccountId, String... mentioned) {
		return map("id", id, "created_at", "2026-03-01T10:00:00.000Z", "in_reply_to_id", inReplyToId,
				"in_reply_to_account_id", inReplyToAccountId, "sensitive", false, "spoiler_text", "",
				"visibility", "public", "language", "en",
				"uri", "https://social.test/users/" + author.get("username") + "/statuses/" + id,
				"url", "https://social.test/@" + author.get("username") + "/" + id, "replies_count", 0,
				"reblogs_count", 0, "favourites_count", 0, "edited_at", null, "content", content, "reblog", null,
				"account", author, "media_attachments", List.of(),
				"mentions", List.of(mentioned).stream().map(m -> map("id", m, "username", "brand", "acct", "brand",
						"url", "https://social.test/@brand")).toList(),
				"tags", List.of(), "emojis", List.of(), "card", null, "poll", null);
	}

	private static byte[] delivery(String event, Map<String, Object> object) {
		return JSON.writeValueAsString(map("event", event, "created_at", "2026-03-01T10:00:01.000Z", "object", object))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private int push(String path, byte[] body, @Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Hub-Signature", signature);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private String webhookPath() {
		return "/api/v1/webhooks/mastodon/" + channel;
	}

	private String createSecret() {
		Api.Response created = api.put("/api/v1/channels/" + channel + "/webhook", token);
		assertThat(created.status()).isEqualTo(200);
		return created.json().get("secret").asString();
	}

	private long stored() {
		return jdbc.sql("select count(*) from inbox.items where channel_id = ?").param(UUID.fromString(channel))
			.query(Long.class).single();
	}

	@Test
	void aSignedDeliveryIsStoredOnceWhenDeliveredTwiceAndAlsoPolled() {
		String secret = createSecret();
		Map<String, Object> reply = status("110000000000000001", account("971724", "zsc"),
				"<p><span class=\"h-card\"><a href=\"https://social.test/@brand\" class=\"u-url mention\">@<span>brand"
						+ "</span></a></span> my parcel never came</p>",
				"109999999999999999", BRAND, BRAND);
		byte[] body = delivery("status.created", reply);

		assertThat(push(webhookPath(), body, sign(body, secret))).isEqualTo(204);
		assertThat(push(webhookPath(), body, sign(body, secret))).isEqualTo(204);
		byte[] edited = delivery("status.updated", reply);
		assertThat(push(webhookPath(), edited, sign(edited, secret))).isEqualTo(204);
		instance.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(okJson(JSON.writeValueAsString(
				List.of(map("id", "900", "type", "mention", "group_key", "ungrouped-900",
						"created_at", "2026-03-01T10:00:00.500Z", "account", account("971724", "zsc"),
						"status", reply))))));
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();

		assertThat(stored()).isEqualTo(1);
		JsonNode items = api.get("/api/v1/inbox/items?channelId=" + channel, token).json().get("items");
		assertThat(items).hasSize(1);
		JsonNode item = items.get(0);
		assertThat(item.get("type").asString()).isEqualTo("reply");
		assertThat(item.get("text").asString()).isEqualTo("@brand my parcel never came");
		assertThat(item.get("url").asString()).isEqualTo("https://social.test/@zsc/110000000000000001");
		assertThat(item.get("conversationId").isNull()).isFalse();
		assertThat(jdbc.sql("select items_received from inbox.channel_states where channel_id = ?")
			.param(UUID.fromString(channel)).query(Long.class).single()).isEqualTo(1);
	}

	/** How long after the last poll ended the next one is due, as the channel's inbox state shows it. */
	private Duration cadence() {
		for (JsonNode state : api.get("/api/v1/inbox/channels", token).json().get("items")) {
			if (state.get("channelId").asString().equals(channel)) {
				return Duration.between(Instant.parse(state.get("lastPollFinishedAt").asString()),
						Instant.parse(state.get("nextPollAt").asString()));
			}
		}
		throw new AssertionError("no inbox state for the channel");
	}

	@Test
	void mastodonIsReadEveryMinuteAndWhileItsWebhookDeliversPollingOnlyCatchesUpEveryFiveMinutes() {
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();
		assertThat(cadence()).isEqualTo(Duration.ofSeconds(60));

		String secret = createSecret();
		byte[] body = delivery("status.created", status("110000000000000009", account("971724", "zsc"),
				"<p>@brand are you open on Sunday?</p>", null, null, BRAND));
		assertThat(push(webhookPath(), body, sign(body, secret))).isEqualTo(204);
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();
		assertThat(cadence()).isEqualTo(Duration.ofMinutes(5));
		JsonNode state = api.get("/api/v1/inbox/channels", token).json().get("items").get(0);
		assertThat(state.get("lastPushedAt").isNull()).isFalse();
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void refusedDeliveriesStoreNothing() {
		String secret = createSecret();
		byte[] body = delivery("status.created", status("110000000000000002", account("971724", "zsc"),
				"<p>@brand hello</p>", null, null, BRAND));

		assertThat(push(webhookPath(), body, null)).as("unsigned").isEqualTo(401);
		assertThat(push(webhookPath(), body, sign(body, "not the secret"))).as("wrong secret").isEqualTo(401);
		assertThat(push(webhookPath(), body, "sha256=zz")).as("not hexadecimal").isEqualTo(401);
		byte[] garbage = "{\"event\": \"status.created\", \"object\": ".getBytes(StandardCharsets.UTF_8);
		assertThat(push(webhookPath(), garbage, sign(garbage, secret))).as("malformed").isEqualTo(400);
		assertThat(push("/api/v1/webhooks/mastodon/" + UUID.randomUUID(), body, sign(body, secret)))
			.as("unknown channel").isEqualTo(404);
		assertThat(push("/api/v1/webhooks/mastodon/not-an-id", body, sign(body, secret))).isEqualTo(404);
		assertThat(push("/api/v1/webhooks/bluesky/" + channel, body, sign(body, secret))).as("another network")
			.isEqualTo(404);
		byte[] huge = new byte[1024 * 1024 + 1];
		assertThat(push(webhookPath(), huge, sign(huge, secret))).as("over the limit").isEqualTo(413);
		assertThat(stored()).isZero();

		assertThat(api.delete("/api/v1/channels/" + channel + "/webhook", token).status()).isEqualTo(204);
		assertThat(push(webhookPath(), body, sign(body, secret))).as("no secret any more").isEqualTo(404);
		assertThat(stored()).isZero();
	}

	@Test
	void ourOwnStatusesAreAcknowledgedAndIgnored() {
		String secret = createSecret();
		byte[] own = delivery("status.created", status("110000000000000003", account(BRAND, "brand"),
				"<p>@brand thread 2/2</p>", "110000000000000000", BRAND, BRAND));
		assertThat(push(webhookPath(), own, sign(own, secret))).isEqualTo(204);
		byte[] report = delivery("report.created", map("id", "8437", "category", "spam"));
		assertThat(push(webhookPath(), report, sign(report, secret))).isEqualTo(204);
		assertThat(stored()).isZero();
	}

	@Test
	void theSecretIsShownOnceSealedAndNewOnesReplaceIt() {
		Api.Response none = api.get("/api/v1/channels/" + channel + "/webhook", token);
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.json().get("configured").asBoolean()).isFalse();

		String first = createSecret();
		Api.Response shown = api.get("/api/v1/channels/" + channel + "/webhook", token);
		assertThat(shown.json().get("configured").asBoolean()).isTrue();
		assertThat(shown.json().get("url").asString())
			.isEqualTo("http://localhost/api/v1/webhooks/mastodon/" + channel);
		assertThat(shown.json().get("createdAt").isNull()).isFalse();
		assertThat(shown.json().path("secret").isNull() || shown.json().path("secret").isMissingNode()).isTrue();
		assertThat(shown.raw().body()).doesNotContain(first);
		String sealed = jdbc.sql("select encode(ciphertext, 'hex') from channels.webhook_secrets where channel_id = ?")
			.param(UUID.fromString(channel)).query(String.class).single();
		assertThat(sealed).doesNotContain(HexFormat.of().formatHex(first.getBytes(StandardCharsets.UTF_8)));

		String second = createSecret();
		assertThat(second).isNotEqualTo(first);
		byte[] body = delivery("status.created", status("110000000000000004", account("971724", "zsc"),
				"<p>@brand hi</p>", null, null, BRAND));
		assertThat(push(webhookPath(), body, sign(body, first))).as("the old secret").isEqualTo(401);
		assertThat(push(webhookPath(), body, sign(body, second))).isEqualTo(204);
		assertThat(stored()).isEqualTo(1);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from audit.entries where workspace_id = ? and action = 'channel.webhook.created'""")
			.param(workspace.workspaceId().value()).query(Long.class).single()).isEqualTo(2));
	}

	@Test
	void anotherWorkspaceCanNeitherReadNorSetTheWebhook() {
		createSecret();
		Membership other = world.workspace("webhooks-other");
		String otherToken = world.token(world.owner(other), other);
		String path = "/api/v1/channels/" + channel + "/webhook";
		assertThat(api.get(path, otherToken).status()).isEqualTo(404);
		assertThat(api.put(path, otherToken).status()).isEqualTo(404);
		assertThat(api.delete(path, otherToken).status()).isEqualTo(404);
		assertThat(api.get(path, token).json().get("configured").asBoolean()).isTrue();
	}

	@Test
	void anUnknownChannelHasNoWebhook() {
		Api.Response answer = api.get("/api/v1/channels/" + UUID.randomUUID() + "/webhook", token);
		assertThat(answer.status()).isEqualTo(404);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
