package app.chorus.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.internal.ChannelPaused;
import app.chorus.channels.internal.ChannelService;
import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channels through the API, against a Bluesky server that answers as the AT Protocol documents it (WireMock): connect,
 * refuse, list with owners and the no-backup flag, grants, re-authorisation and disconnection.
 */
@ChorusIntegrationTest
class ChannelsApiIntegrationTests {

	static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
	static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChannelService channels;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	String did;
	String accessJwt;
	String refreshJwt;

	@BeforeEach
	void aWorkspaceAndABlueskyAccount() {
		api = new Api(port);
		workspace = world.workspace("channels");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		did = BlueskyAnswers.newDid();
		aWorkspaceAndABlueskyAccountWith(jwt("access", Instant.now().plus(Duration.ofHours(2))));
	}

	void aWorkspaceAndABlueskyAccountWith(String access) {
		accessJwt = access;
		refreshJwt = jwt("refresh", Instant.now().plus(Duration.ofDays(60)));
		BlueskyAnswers.account(pds, did, "brand.test", "Brand on Bluesky", accessJwt, refreshJwt);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void connectingABlueskyAccountKeepsItsSecretsOutOfEverythingButTheVault(CapturedOutput logs) {
		Api.Response created = connect();
		assertThat(created.status()).isEqualTo(201);
		JsonNode channel = created.json();
		assertThat(channel.get("network").asString()).isEqualTo("bluesky");
		assertThat(channel.get("status").asString()).isEqualTo("connected");
		assertThat(channel.get("name").asString()).isEqualTo("Brand on Bluesky");
		assertThat(channel.get("endpoint").asString()).isEqualTo(pds.baseUrl());
		assertThat(created.header("Location")).endsWith("/api/v1/channels/" + channel.get("id").asString());

		Api.Response list = api.get("/api/v1/channels", token);
		assertThat(list.json().get("items")).hasSize(1);
		JsonNode item = list.json().get("items").get(0);
		assertThat(item.get("owners")).hasSize(1);
		assertThat(item.get("owners").get(0).get("email").asString()).isEqualTo(owner.email());
		assertThat(item.get("hasBackup").asBoolean()).isFalse();

		for (String body : List.of(created.raw().body(), list.raw().body(),
				api.get("/api/v1/channels/" + channel.get("id").asString(), token).raw().body())) {
			assertThat(body).doesNotContain(APP_PASSWORD).doesNotContain(accessJwt).doesNotContain(refreshJwt);
		}
		String raw = jdbc.sql("select encode(ciphertext, 'hex') from channels.secrets where channel_id = ?::uuid")
			.param(channel.get("id").asString()).query(String.class).single();
		assertThat(raw).doesNotContain(hex(APP_PASSWORD)).doesNotContain(hex(accessJwt.substring(0, 20)));
		String row = jdbc.sql("select c::text from channels.channels c where id = ?::uuid")
			.param(channel.get("id").asString()).query(String.class).single();
		assertThat(row).doesNotContain(APP_PASSWORD).doesNotContain(accessJwt).doesNotContain(refreshJwt);
		assertThat(logs.getAll()).doesNotContain(APP_PASSWORD).doesNotContain(accessJwt).doesNotContain(refreshJwt);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void refusedCredentialsNameTheFieldAndLeaveNoChannelBehind(CapturedOutput logs) {
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
		Api.Response refused = connect();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(logs.getAll()).as("the refusal is logged, without the password").contains("refused a connection")
			.doesNotContain(APP_PASSWORD);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.raw().body()).contains("appPassword").doesNotContain(APP_PASSWORD);
		assertThat(channelRows()).isZero();

		Api.Response missing = api.post("/api/v1/channels", token,
				Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(), "handle", "brand.test"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.raw().body()).contains("appPassword");
		Api.Response unknown = api.post("/api/v1/channels", token, Map.of("network", "myspace"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.raw().body()).contains("network");
		assertThat(channelRows()).isZero();
	}

	@Test
	void aServerThatIsDownIsNotTheUsersFaultAndSavesNothing() {
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(aResponse().withStatus(502)));
		assertThat(connect().status()).isEqualTo(503);
		assertThat(channelRows()).isZero();
	}

	@Test
	void aSecondOwnerIsTheBackupAndADepartedMemberOwnsNothing() {
		String id = connect().json().get("id").asString();
		UserAccount second = world.member(workspace, "second", Role.MANAGER);
		JsonNode withTwo = api.put("/api/v1/channels/" + id + "/owners/" + second.id().value(), token).json();
		assertThat(withTwo.get("owners")).hasSize(2);
		assertThat(withTwo.get("hasBackup").asBoolean()).isTrue();

		assertThat(api.delete("/api/v1/members/" + second.id().value(), token).status()).isEqualTo(204);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/channels/" + id, token).json().get("hasBackup").asBoolean()).isFalse());

		UserAccount stranger = world.person("stranger");
		assertThat(api.put("/api/v1/channels/" + id + "/owners/" + stranger.id().value(), token).status())
			.isEqualTo(404);
	}

	@Test
	void grantsNarrowWhoMayWorkWithAChannel() {
		String id = connect().json().get("id").asString();
		UserAccount publisher = world.member(workspace, "pub", Role.PUBLISHER);
		UserAccount other = world.member(workspace, "other", Role.PUBLISHER);
		String publisherToken = world.token(publisher, workspace);
		String otherToken = world.token(other, workspace);
		assertThat(permissions(otherToken, id)).contains("publish", "reply", "draft");

		Api.Response granted = api.putJson("/api/v1/channels/" + id + "/grants", token, Map.of("granteeType",
				"member", "granteeId", publisher.id().value(), "permissions", List.of("draft", "publish")));
		assertThat(granted.status()).isEqualTo(200);
		assertThat(permissions(publisherToken, id)).containsExactly("draft", "publish");
		assertThat(permissions(otherToken, id)).isEmpty();
		assertThat(permissions(token, id)).contains("publish", "approve", "analytics");

		Api.Response badPermission = api.putJson("/api/v1/channels/" + id + "/grants", token, Map.of(
				"granteeType", "member", "granteeId", publisher.id().value(), "permissions", List.of("everything")));
		assertThat(badPermission.status()).isEqualTo(422);
		assertThat(api.putJson("/api/v1/channels/" + id + "/grants", publisherToken, Map.of("granteeType", "member",
				"granteeId", other.id().value(), "permissions", List.of("publish"))).status()).isEqualTo(403);
	}

	@Test
	void anotherWorkspaceGetsNotFoundForEveryChannelEndpoint() {
		String id = connect().json().get("id").asString();
		Membership elsewhere = world.workspace("elsewhere");
		String theirs = world.token(world.owner(elsewhere), elsewhere);
		String path = "/api/v1/channels/" + id;
		assertThat(api.get(path, theirs).status()).isEqualTo(404);
		assertThat(api.patch(path, theirs, Map.of("name", "Taken")).status()).isEqualTo(404);
		assertThat(api.put(path + "/owners/" + world.owner(elsewhere).id().value(), theirs).status()).isEqualTo(404);
		assertThat(api.delete(path + "/owners/" + owner.id().value(), theirs).status()).isEqualTo(404);
		assertThat(api.putJson(path + "/grants", theirs, Map.of("granteeType", "member", "granteeId",
				world.owner(elsewhere).id().value(), "permissions", List.of("draft"))).status()).isEqualTo(404);
		assertThat(api.delete(path, theirs).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/channels", theirs).raw().body()).doesNotContain(id);
		assertThat(api.get(path, token).json().get("name").asString()).isEqualTo("Brand on Bluesky");
	}

	@Test
	void repeatedlyRefusedCredentialsPauseTheChannelAndTellItsOwners() {
		String id = connect().json().get("id").asString();
		pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}")));
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
		ChannelId channel = ChannelId.of(id);
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> channels.refresh(workspace.workspaceId(), channel))
				.isInstanceOf(ChannelPaused.class);
		}
		JsonNode paused = api.get("/api/v1/channels/" + id, token).json();
		assertThat(paused.get("status").asString()).isEqualTo("needs_reauthorization");
		assertThat(paused.get("lastError").asString()).contains("app password");
		assertThatThrownBy(() -> channels.session(workspace.workspaceId(), channel))
			.isInstanceOf(ChannelPaused.class);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/notifications", token).json().get("items").findValuesAsString("messageKey"))
			.contains("notice.channel.needs-reauthorization"));

		pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(json(Map.of("did", did, "handle",
				"brand.test", "accessJwt", accessJwt, "refreshJwt", refreshJwt, "didDoc", Map.of("id", did)))));
		Api.Response again = connect();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(id);
		assertThat(again.json().get("status").asString()).isEqualTo("connected");
	}

	@Test
	void disconnectingRevokesTheSessionAndPurgesTheSecrets() {
		String id = connect().json().get("id").asString();
		pds.stubFor(post("/xrpc/com.atproto.server.deleteSession").willReturn(aResponse().withStatus(200)));
		assertThat(api.delete("/api/v1/channels/" + id, token).status()).isEqualTo(204);
		pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.deleteSession")));
		assertThat(api.get("/api/v1/channels/" + id, token).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from channels.secrets where channel_id = ?::uuid").param(id)
			.query(Integer.class).single()).isZero();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("channel.disconnected"));
	}

	@Test
	void onlyThoseWhoManageChannelsConnectThem() {
		UserAccount publisher = world.member(workspace, "pub", Role.PUBLISHER);
		Api.Response refused = api.post("/api/v1/channels", world.token(publisher, workspace), Map.of("network",
				"bluesky", "pdsUrl", pds.baseUrl(), "handle", "brand.test", "appPassword", APP_PASSWORD));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(channelRows()).isZero();
	}

	@Test
	void credentialsCloseToExpiryAreRenewedBeforeTheyAreHandedOut() {
		accessJwt = jwt("access", Instant.now().plus(Duration.ofMinutes(3)));
		aWorkspaceAndABlueskyAccountWith(accessJwt);
		String id = connect().json().get("id").asString();
		String renewed = jwt("access", Instant.now().plus(Duration.ofHours(2)));
		pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").willReturn(json(Map.of("did", did, "handle",
				"brand.test", "accessJwt", renewed, "refreshJwt", jwt("refresh", Instant.now().plus(Duration.ofDays(60))),
				"active", true))));
		var session = channels.session(workspace.workspaceId(), ChannelId.of(id));
		assertThat(session.credentials().accessToken()).isEqualTo(renewed);
		pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession")));
		assertThat(Instant.parse(api.get("/api/v1/channels/" + id, token).json().get("tokenExpiresAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(90)));
		assertThat(channels.session(workspace.workspaceId(), ChannelId.of(id)).credentials().accessToken())
			.isEqualTo(renewed);
	}

	@Test
	void theChannelsPagesShowHealthOwnersAndTheMissingBackup() {
		String id = connect().json().get("id").asString();
		WebClient browser = new WebClient(port);
		browser.signIn(owner.email(), TestWorld.PASSWORD);
		WebClient.Page list = browser.get("/channels");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Brand on Bluesky", "brand.test", "No backup", "Connected",
				"/channels/connect/bluesky", "/channels/connect/mastodon/oauth");
		WebClient.Page detail = browser.get("/channels/" + id);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("Owners", owner.email(), pds.baseUrl(), "Who may work with this channel");

		assertThat(browser.post("/channels/" + id + "/rename", Map.of("name", "Brand (main)")).status())
			.isEqualTo(302);
		assertThat(api.get("/api/v1/channels/" + id, token).json().get("name").asString()).isEqualTo("Brand (main)");

		pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
		browser.get("/channels");
		WebClient.Page refused = browser.post("/channels/connect/bluesky",
				Map.of("handle", "other.test", "appPassword", "wrong", "pdsUrl", pds.baseUrl()));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("did not accept this handle and app password").doesNotContain("wrong\"");
		assertThat(channelRows()).isEqualTo(1);
	}

	private Api.Response connect() {
		return api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(), "handle",
				"brand.test", "appPassword", APP_PASSWORD));
	}

	private List<String> permissions(String caller, String id) {
		return api.get("/api/v1/channels/" + id, caller).json().get("myPermissions").valueStream()
			.map(JsonNode::asString).toList();
	}

	private int channelRows() {
		return jdbc.sql("select count(*) from channels.channels where workspace_id = ?")
			.param(workspace.workspaceId().value()).query(Integer.class).single();
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Object body) {
		return BlueskyAnswers.json(body);
	}

	static String jwt(String scope, Instant expiresAt) {
		return BlueskyAnswers.jwt(scope, expiresAt);
	}
}
