package app.chorus.channels.network.bluesky;

import static app.chorus.channels.network.bluesky.BlueskyStubs.APP_PASSWORD;
import static app.chorus.channels.network.bluesky.BlueskyStubs.DID;
import static app.chorus.channels.network.bluesky.BlueskyStubs.HANDLE;
import static app.chorus.channels.network.bluesky.BlueskyStubs.NOW;
import static app.chorus.channels.network.bluesky.BlueskyStubs.body;
import static app.chorus.channels.network.bluesky.BlueskyStubs.json;
import static app.chorus.channels.network.bluesky.BlueskyStubs.jwt;
import static app.chorus.channels.network.bluesky.BlueskyStubs.xrpcError;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;

/** Connecting with an app password, refreshing the session (falling back to the app password) and revoking it. */
class BlueskyConnectionTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BlueskyNetwork bluesky = BlueskyStubs.network(server);

	private final String access = jwt("access", NOW.plusSeconds(7200));
	private final String refresh = jwt("refresh", NOW.plus(Duration.ofDays(90)));

	@Test
	void connectSignsInFindsTheRealPdsInTheDidDocumentAndReadsTheProfile() {
		String pds = server.baseUrl() + "/pds";
		server.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(json(BlueskyStubs.session(access,
				refresh))));
		server.stubFor(get("/plc/" + DID).willReturn(json(BlueskyStubs.didDocument(pds + "/"))));
		server.stubFor(get(urlPathEqualTo("/pds/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor", equalTo(DID))
			.willReturn(json(Map.of("did", DID, "handle", HANDLE, "displayName", "Chorus Team", "avatar",
					"https://cdn.bsky.app/img/avatar/plain/" + DID + "/bafkreiavatar@jpeg", "followersCount", 12,
					"followsCount", 3, "postsCount", 40))));

		ConnectedAccount account = bluesky.connect(" " + server.baseUrl() + "/ ", "@" + HANDLE, APP_PASSWORD);

		assertThat(account.accountId()).isEqualTo(DID);
		assertThat(account.handle()).isEqualTo(HANDLE);
		assertThat(account.displayName()).isEqualTo("Chorus Team");
		assertThat(account.avatarUrl()).endsWith("bafkreiavatar@jpeg");
		assertThat(account.endpoint()).isEqualTo(pds);
		assertThat(account.credentials().accessToken()).isEqualTo(access);
		assertThat(account.credentials().refreshToken()).isEqualTo(refresh);
		assertThat(account.credentials().expiresAt()).isEqualTo(NOW.plusSeconds(7200));
		assertThat(account.credentials().extra()).containsEntry("appPassword", APP_PASSWORD);
		assertThat(account.settings()).containsEntry("serviceUrl", server.baseUrl())
			.containsEntry("plcUrl", server.baseUrl() + "/plc");
		var signIn = server.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
		assertThat(body(signIn.get(0)).path("identifier").asString()).isEqualTo(HANDLE);
		assertThat(body(signIn.get(0)).path("password").asString()).isEqualTo(APP_PASSWORD);
		server.verify(getRequestedFor(urlPathEqualTo("/pds/xrpc/app.bsky.actor.getProfile")).withHeader(
				"Authorization", equalTo("Bearer " + access)));
	}

	@Test
	void aProfileTheAppViewHasNotIndexedYetDoesNotStopTheConnection() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(json(BlueskyStubs.session(access,
				refresh))));
		server.stubFor(get("/plc/" + DID).willReturn(json(BlueskyStubs.didDocument(server.baseUrl()))));
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
			.willReturn(xrpcError(400, "InvalidRequest", "Profile not found")));

		ConnectedAccount account = bluesky.connect(server.baseUrl(), DID, APP_PASSWORD);

		assertThat(account.displayName()).isNull();
		assertThat(account.endpoint()).isEqualTo(server.baseUrl());
	}

	@Test
	void aWrongPasswordNamesTheAppPassword() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(xrpcError(401, "AuthenticationRequired", "Invalid identifier or password")));
		server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.willReturn(json(Map.of("did", DID))));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, "wrong-pass-word-here"))
			.asInstanceOf(type(ConnectionRefused.class))
			.satisfies(refused -> {
				assertThat(refused.field()).isEqualTo("appPassword");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.bluesky.bad-credentials");
			});
	}

	@Test
	void aHandleNobodyHasNamesTheHandle() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(xrpcError(401, "AuthenticationRequired", "Invalid identifier or password")));
		server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.withQueryParam("handle", equalTo("nobody.bsky.social"))
			.willReturn(xrpcError(400, "HandleNotFound", "Unable to resolve handle")));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), "nobody.bsky.social", APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.satisfies(refused -> {
				assertThat(refused.field()).isEqualTo("handle");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.bluesky.unknown-handle");
			});
	}

	@Test
	void anIdentifierTheServiceRejectsAsABadRequestNamesTheHandle() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(xrpcError(400, "InvalidRequest", "Unable to resolve handle")));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), "nobody.example.com", APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.satisfies(refused -> {
				assertThat(refused.field()).isEqualTo("handle");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.bluesky.unknown-handle");
			});
	}

	@Test
	void somethingThatIsNoHandleIsRefusedBeforeAnyCall() {
		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), "not a handle", APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.extracting(ConnectionRefused::field, ConnectionRefused::reasonKey)
			.containsExactly("handle", "channel.connect.bluesky.invalid-handle");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void theMainPasswordOfAnAccountWithEmailCodesAsksForAnAppPassword() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(
				xrpcError(401, "AuthFactorTokenRequired", "A sign in code has been sent to your email address")));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, "main-password"))
			.asInstanceOf(type(ConnectionRefused.class))
			.extracting(ConnectionRefused::field, ConnectionRefused::reasonKey)
			.containsExactly("appPassword", "channel.connect.bluesky.use-app-password");
	}

	@Test
	void aServerErrorIsTheNetworkBeingUnavailable() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(xrpcError(502, "UpstreamFailure", "Upstream Failure")));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, APP_PASSWORD))
			.isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void aRateLimitIsTheNetworkBeingUnavailableUntilTheResetTime() {
		Instant reset = NOW.plusSeconds(300);
		server.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(
				xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded").withHeader("ratelimit-limit", "30")
					.withHeader("ratelimit-remaining", "0")
					.withHeader("ratelimit-reset", Long.toString(reset.getEpochSecond()))));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, APP_PASSWORD))
			.asInstanceOf(type(NetworkUnavailable.class))
			.satisfies(unavailable -> assertThat(unavailable.retryAt()).contains(reset));
	}

	@Test
	void aServiceThatDoesNotAnswerInTimeIsTheNetworkBeingUnavailable() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(json(BlueskyStubs.session(access, refresh)).withFixedDelay(3000)));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, APP_PASSWORD))
			.isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void anAddressWhereNothingListensNamesTheServiceUrl() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThatThrownBy(() -> bluesky.connect("http://127.0.0.1:" + closedPort, HANDLE, APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.extracting(ConnectionRefused::field, ConnectionRefused::reasonKey)
			.containsExactly("pdsUrl", "channel.connect.bluesky.unreachable");
	}

	@Test
	void aWebsiteThatIsNoPdsNamesTheServiceUrl() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "text/html").withBody("<html><body>Not Found</body></html>")));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.extracting(ConnectionRefused::field, ConnectionRefused::reasonKey)
			.containsExactly("pdsUrl", "channel.connect.bluesky.not-a-pds");
	}

	@Test
	void aJsonServiceThatAnswersWithoutASessionNamesTheServiceUrl() {
		server.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(json("{\"status\":\"ok\"}")));

		assertThatThrownBy(() -> bluesky.connect(server.baseUrl(), HANDLE, APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.extracting(ConnectionRefused::field, ConnectionRefused::reasonKey)
			.containsExactly("pdsUrl", "channel.connect.bluesky.not-a-pds");
	}

	@Test
	void anAddressThatIsNoWebAddressNamesTheServiceUrl() {
		assertThatThrownBy(() -> bluesky.connect("ftp://example.com", HANDLE, APP_PASSWORD))
			.asInstanceOf(type(ConnectionRefused.class))
			.extracting(ConnectionRefused::field, ConnectionRefused::reasonKey)
			.containsExactly("pdsUrl", "channel.connect.bluesky.invalid-url");
	}

	@Test
	void aBlankServiceMeansBlueskySocialAndABareHostMeansHttps() {
		assertThat(BlueskySessions.serviceUrl("  ")).isEqualTo("https://bsky.social");
		assertThat(BlueskySessions.serviceUrl("pds.example.com/")).isEqualTo("https://pds.example.com");
	}

	@Test
	void didWebDocumentsComeFromTheHostsWellKnownAddress() {
		assertThat(DidDocuments.documentUrl("did:web:pds.example.com", "https://plc.directory"))
			.hasToString("https://pds.example.com/.well-known/did.json");
		assertThat(DidDocuments.documentUrl("did:web:localhost%3A8443", "https://plc.directory"))
			.hasToString("https://localhost:8443/.well-known/did.json");
		assertThat(DidDocuments.documentUrl(DID, "https://plc.directory/"))
			.hasToString("https://plc.directory/" + DID);
		assertThatThrownBy(() -> DidDocuments.documentUrl("did:web:example.com:users:alice", "https://plc.directory"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refreshUsesTheRefreshTokenAtTheServiceWhereTheSessionWasMade() {
		ChannelSession session = BlueskyStubs.session(server);
		String newAccess = jwt("access", NOW.plusSeconds(9000));
		server.stubFor(post("/xrpc/com.atproto.server.refreshSession")
			.willReturn(json(BlueskyStubs.session(newAccess, refresh))));

		Credentials renewed = bluesky.refresh(session);

		assertThat(renewed.accessToken()).isEqualTo(newAccess);
		assertThat(renewed.expiresAt()).isEqualTo(NOW.plusSeconds(9000));
		assertThat(renewed.extra()).containsEntry("appPassword", APP_PASSWORD);
		server.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession"))
			.withHeader("Authorization", equalTo("Bearer " + session.credentials().refreshToken())));
	}

	@Test
	void anExpiredRefreshTokenFallsBackToANewSessionFromTheAppPassword() {
		ChannelSession session = BlueskyStubs.session(server);
		server.stubFor(post("/xrpc/com.atproto.server.refreshSession")
			.willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(json(BlueskyStubs.session(access, refresh))));

		Credentials renewed = bluesky.refresh(session);

		assertThat(renewed.accessToken()).isEqualTo(access);
		assertThat(renewed.refreshToken()).isEqualTo(refresh);
		var signIn = server.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
		assertThat(body(signIn.get(0)).path("identifier").asString()).isEqualTo(DID);
		assertThat(body(signIn.get(0)).path("password").asString()).isEqualTo(APP_PASSWORD);
	}

	@Test
	void aRevokedAppPasswordNeedsAPersonToConnectAgain() {
		ChannelSession session = BlueskyStubs.session(server);
		server.stubFor(post("/xrpc/com.atproto.server.refreshSession")
			.willReturn(xrpcError(400, "InvalidToken", "Token has been revoked")));
		server.stubFor(post("/xrpc/com.atproto.server.createSession")
			.willReturn(xrpcError(401, "AuthenticationRequired", "Invalid identifier or password")));

		assertThatThrownBy(() -> bluesky.refresh(session)).isInstanceOf(ReauthorizationNeeded.class);
	}

	@Test
	void aRefreshThatMeetsAServerErrorKeepsTheSession() {
		ChannelSession session = BlueskyStubs.session(server);
		server.stubFor(post("/xrpc/com.atproto.server.refreshSession")
			.willReturn(xrpcError(500, "InternalServerError", "Internal Server Error")));

		assertThatThrownBy(() -> bluesky.refresh(session)).isInstanceOf(NetworkUnavailable.class);
		server.verify(0, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
	}

	@Test
	void revokeDeletesTheSessionWithTheRefreshToken() {
		ChannelSession session = BlueskyStubs.session(server);
		server.stubFor(post("/xrpc/com.atproto.server.deleteSession").willReturn(aResponse().withStatus(200)));

		bluesky.revoke(session);

		server.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.deleteSession"))
			.withHeader("Authorization", equalTo("Bearer " + session.credentials().refreshToken())));
	}

	@Test
	void revokingASessionTheServiceNoLongerKnowsSucceeds() {
		server.stubFor(post("/xrpc/com.atproto.server.deleteSession")
			.willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));

		bluesky.revoke(BlueskyStubs.session(server));

		server.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.deleteSession")));
	}
}
