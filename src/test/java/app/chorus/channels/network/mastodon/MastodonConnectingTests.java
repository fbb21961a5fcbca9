package app.chorus.channels.network.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.AuthMethod;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.InstanceOAuthConnecting.AppRegistration;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.Surface;

/** Connecting a Mastodon account: app registration, the authorisation URL, the code exchange, revoking. */
class MastodonConnectingTests {

	@RegisterExtension
	static WireMockExtension mastodon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String REDIRECT = "https://chorus.example/channels/mastodon/callback";
	private static final String CLIENT_ID = "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM";
	private static final String CLIENT_SECRET = "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw";
	private static final String SCOPES = "read:accounts read:notifications read:statuses write:blocks write:media"
			+ " write:mutes write:reports write:statuses";

	private final MastodonFixture fixture = new MastodonFixture();
	private final MastodonNetwork network = fixture.network;

	@Test
	void describesItself() {
		assertThat(network.key()).isEqualTo(NetworkKey.MASTODON);
		assertThat(network.auth()).isEqualTo(AuthMethod.OAUTH2_PER_INSTANCE);
	}

	@Test
	void registersChorusOnTheInstanceWithTheScopesItsFeaturesNeed() {
		mastodon.stubFor(post("/api/v1/apps").willReturn(okJson(MastodonPayloads.application(CLIENT_ID, CLIENT_SECRET))));

		AppRegistration app = network.register(mastodon.baseUrl() + "/about/more?x=1", REDIRECT);

		assertThat(app.instanceUrl()).isEqualTo(mastodon.baseUrl());
		assertThat(app.clientId()).isEqualTo(CLIENT_ID);
		assertThat(app.clientSecret()).isEqualTo(CLIENT_SECRET);
		assertThat(app.scopes()).containsExactlyInAnyOrder(SCOPES.split(" "));
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/apps"))
			.withFormParam("client_name", equalTo("Chorus"))
			.withFormParam("redirect_uris", equalTo(REDIRECT))
			.withFormParam("scopes", equalTo(SCOPES))
			.withFormParam("website", equalTo("https://chorus.example")));
	}

	@Test
	void anAddressThatIsNotAMastodonServerIsNamed() {
		mastodon.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Not found</body></html>")));

		assertThatThrownBy(() -> network.register(mastodon.baseUrl(), REDIRECT))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> {
				assertThat(refused.field()).isEqualTo("instanceUrl");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.mastodon.not-an-instance");
			});
	}

	@Test
	void aWebsiteThatAnswersEverythingWithAPageIsNotAMastodonServer() {
		mastodon.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<!doctype html><title>My blog</title>")));

		assertThatThrownBy(() -> network.register(mastodon.baseUrl(), REDIRECT))
			.isInstanceOfSatisfying(ConnectionRefused.class,
					refused -> assertThat(refused.reasonKey()).isEqualTo("channel.connect.mastodon.not-an-instance"));
	}

	@Test
	void anAddressWhereNobodyListensIsUnreachable() {
		assertThatThrownBy(() -> network.register(MastodonFixture.nobodyListening(), REDIRECT))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> {
				assertThat(refused.field()).isEqualTo("instanceUrl");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.mastodon.unreachable");
			});
	}

	@Test
	void aServerErrorWhileRegisteringIsPassing() {
		mastodon.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));

		assertThatThrownBy(() -> network.register(mastodon.baseUrl(), REDIRECT))
			.isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void somethingThatIsNoAddressIsRefusedBeforeAnyCall() {
		assertThatThrownBy(() -> network.register("ftp://", REDIRECT))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> {
				assertThat(refused.field()).isEqualTo("instanceUrl");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.mastodon.invalid-url");
			});
	}

	@Test
	void theAuthorisationUrlCarriesClientScopesStateAndThePkceChallenge() {
		AppRegistration app = new AppRegistration("https://mastodon.social", CLIENT_ID, CLIENT_SECRET,
				MastodonConnector.SCOPES);

		URI url = network.authorizationUrl(app, REDIRECT, "st4te/+x", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

		assertThat(url.getScheme()).isEqualTo("https");
		assertThat(url.getHost()).isEqualTo("mastodon.social");
		assertThat(url.getPath()).isEqualTo("/oauth/authorize");
		assertThat(query(url)).containsExactlyInAnyOrderEntriesOf(Map.of("response_type", "code", "client_id",
				CLIENT_ID, "redirect_uri", REDIRECT, "scope", SCOPES, "state", "st4te/+x", "code_challenge",
				"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"));
	}

	@Test
	void completingExchangesTheCodeReadsTheAccountAndTheInstanceLimits() {
		mastodon.stubFor(get("/api/v2/instance").willReturn(okJson(MastodonPayloads.instanceV2("mastodon.social", 7))));
		mastodon.stubFor(post("/oauth/token").willReturn(okJson(MastodonPayloads.token("user-token-1"))));
		mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
			.withHeader("Authorization", equalTo("Bearer user-token-1"))
			.willReturn(okJson(MastodonPayloads.json(MastodonPayloads.credentialAccount("14715", "trwnh", "infinite love")))));

		ConnectedAccount account = network.complete(registration(), REDIRECT, "qDFUEaYrRK5c", "verifier-123");

		assertThat(account.accountId()).isEqualTo("14715");
		assertThat(account.handle()).isEqualTo("trwnh@mastodon.social");
		assertThat(account.displayName()).isEqualTo("infinite love");
		assertThat(account.avatarUrl()).startsWith("https://files.mastodon.social/accounts/avatars/");
		assertThat(account.endpoint()).isEqualTo(mastodon.baseUrl());
		assertThat(account.credentials().accessToken()).isEqualTo("user-token-1");
		assertThat(account.credentials().refreshToken()).isNull();
		assertThat(account.credentials().expiresAt()).isNull();
		assertThat(account.credentials().extra())
			.containsExactlyInAnyOrderEntriesOf(Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET));
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("max_characters", "1000");
		expected.put("characters_reserved_per_url", "23");
		expected.put("max_media_attachments", "6");
		expected.put("image_size_limit", "16777216");
		expected.put("video_size_limit", "103809024");
		expected.put("supported_mime_types", "image/jpeg,image/png,video/mp4");
		expected.put("max_poll_options", "8");
		expected.put("max_poll_option_chars", "100");
		expected.put("min_poll_expiration", "300");
		expected.put("max_poll_expiration", "2629746");
		expected.put("mastodon_api_version", "7");
		assertThat(account.settings()).containsExactlyInAnyOrderEntriesOf(expected);
		mastodon.verify(postRequestedFor(urlEqualTo("/oauth/token"))
			.withFormParam("grant_type", equalTo("authorization_code"))
			.withFormParam("code", equalTo("qDFUEaYrRK5c"))
			.withFormParam("redirect_uri", equalTo(REDIRECT))
			.withFormParam("client_id", equalTo(CLIENT_ID))
			.withFormParam("client_secret", equalTo(CLIENT_SECRET))
			.withFormParam("code_verifier", equalTo("verifier-123")));
	}

	@Test
	void anInstanceBeforeVersion4TellsItsLimitsThroughTheOldInstanceEntity() {
		mastodon.stubFor(get("/api/v2/instance").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json").withBody(MastodonPayloads.error("Record not found"))));
		mastodon.stubFor(get("/api/v1/instance").willReturn(okJson(MastodonPayloads.instanceV1("old.example"))));
		mastodon.stubFor(post("/oauth/token").willReturn(okJson(MastodonPayloads.token("user-token-1"))));
		mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
			.willReturn(okJson(MastodonPayloads.json(MastodonPayloads.credentialAccount("7", "ann", "")))));

		ConnectedAccount account = network.complete(registration(), REDIRECT, "code", "verifier");

		assertThat(account.handle()).isEqualTo("ann@old.example");
		assertThat(account.displayName()).isNull();
		assertThat(account.settings()).containsEntry("max_characters", "640")
			.containsEntry("mastodon_api_version", "0");
	}

	@Test
	void aRefusedCodeNamesTheCode() {
		mastodon.stubFor(get("/api/v2/instance").willReturn(okJson(MastodonPayloads.instanceV2("mastodon.social", 7))));
		mastodon.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.oauthError("invalid_grant", "The provided authorization grant is invalid,"
					+ " expired, revoked, does not match the redirection URI used in the authorization request, or was"
					+ " issued to another client."))));

		assertThatThrownBy(() -> network.complete(registration(), REDIRECT, "used-code", "verifier"))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> {
				assertThat(refused.field()).isEqualTo("code");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.mastodon.code-refused");
				assertThat(refused.getMessage()).contains("authorization grant is invalid");
			});
		mastodon.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/verify_credentials")));
	}

	@Test
	void anApplicationTheInstanceForgotIsNamedSoItCanBeRegisteredAgain() {
		mastodon.stubFor(get("/api/v2/instance").willReturn(okJson(MastodonPayloads.instanceV2("mastodon.social", 7))));
		mastodon.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.oauthError("invalid_client", "Client authentication failed due to unknown"
					+ " client, no client authentication included, or unsupported authentication method."))));

		assertThatThrownBy(() -> network.complete(registration(), REDIRECT, "code", "verifier"))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> {
				assertThat(refused.field()).isEqualTo("instanceUrl");
				assertThat(refused.reasonKey()).isEqualTo("channel.connect.mastodon.app-unknown");
			});
	}

	@Test
	void anInstanceThatCannotTellItsLimitsLeavesTheCodeUnused() {
		mastodon.stubFor(get("/api/v2/instance").willReturn(aResponse().withStatus(502)));

		assertThatThrownBy(() -> network.complete(registration(), REDIRECT, "code", "verifier"))
			.isInstanceOf(NetworkUnavailable.class);
		mastodon.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void revokingSendsTheApplicationAndTheToken() {
		mastodon.stubFor(post("/oauth/revoke").willReturn(okJson("{}")));

		network.revoke(MastodonFixture.session(mastodon.baseUrl()));

		mastodon.verify(postRequestedFor(urlEqualTo("/oauth/revoke"))
			.withFormParam("client_id", equalTo(CLIENT_ID))
			.withFormParam("client_secret", equalTo(CLIENT_SECRET))
			.withFormParam("token", equalTo(MastodonFixture.TOKEN)));
	}

	@Test
	void revokingATokenTheInstanceNoLongerKnowsIsDone() {
		mastodon.stubFor(post("/oauth/revoke").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.oauthError("unauthorized_client", "You are not authorized to revoke this token"))));

		network.revoke(MastodonFixture.session(mastodon.baseUrl()));

		mastodon.verify(1, postRequestedFor(urlEqualTo("/oauth/revoke")));
	}

	@Test
	void revokingAtAnInstanceThatCannotBeReachedSaysSo() {
		assertThatThrownBy(() -> network.revoke(MastodonFixture.session(MastodonFixture.nobodyListening())))
			.isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void theRulesFollowTheInstanceLimitAndDefaultToMastodons500() {
		PostVariant text = PostVariant.text(Surface.MASTODON_STATUS, "a".repeat(501));

		assertThat(network.rules().check(text)).singleElement()
			.satisfies(violation -> assertThat(violation.limit()).isEqualTo("500"));
		assertThat(network.rules(Map.of("max_characters", "1000")).check(text)).isEmpty();
		assertThat(network.rules(Map.of("max_characters", "300")).check(PostVariant.text(Surface.MASTODON_STATUS,
				"a".repeat(301)))).hasSize(1);
	}

	private static AppRegistration registration() {
		return new AppRegistration(mastodon.baseUrl(), CLIENT_ID, CLIENT_SECRET, MastodonConnector.SCOPES);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return query;
	}
}
