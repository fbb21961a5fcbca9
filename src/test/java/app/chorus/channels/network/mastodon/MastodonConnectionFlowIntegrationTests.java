package app.chorus.channels.network.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a Mastodon account end to end: the API (or the page) starts, the person approves at their instance, the
 * instance sends them back to Chorus with a code, and the channel appears with the instance's limits.
 */
@ChorusIntegrationTest
class MastodonConnectionFlowIntegrationTests {

	static final String CLIENT_SECRET = "client-secret-that-must-stay-sealed";

	@RegisterExtension
	static WireMockExtension instance = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
		.build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	Api api;
	WebClient browser;
	Membership workspace;
	String token;

	@BeforeEach
	void anInstanceAndASignedInOwner() {
		api = new Api(port);
		browser = new WebClient(port);
		workspace = world.workspace("mastodon");
		UserAccount owner = world.owner(workspace);
		token = world.token(owner, workspace);
		browser.signIn(owner.email(), TestWorld.PASSWORD);
		instance.stubFor(post("/api/v1/apps").willReturn(okJson(MastodonPayloads.application("client-1",
				CLIENT_SECRET))));
		instance.stubFor(get("/api/v2/instance").willReturn(okJson(MastodonPayloads.instanceV2("social.test", 7))));
		instance.stubFor(post("/oauth/token").willReturn(okJson(MastodonPayloads.token("user-token-1"))));
		instance.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(okJson(MastodonPayloads
			.json(MastodonPayloads.credentialAccount("14715", "brand", "Brand on Mastodon")))));
	}

	@Test
	void approvingAtTheInstanceConnectsTheChannelWithItsLimits() {
		Api.Response started = api.post("/api/v1/channels", token,
				Map.of("network", "mastodon", "instanceUrl", instance.baseUrl()));
		assertThat(started.status()).isEqualTo(202);
		URI authorize = URI.create(started.json().get("authorizationUrl").asString());
		assertThat(authorize.getPath()).isEqualTo("/oauth/authorize");
		Map<String, String> query = query(authorize);
		assertThat(query).containsEntry("client_id", "client-1").containsEntry("code_challenge_method", "S256")
			.containsKey("state").containsEntry("redirect_uri", "http://localhost/channels/oauth/callback");

		WebClient.Page back = browser.get("/channels/oauth/callback?code=the-code&state=" + query.get("state"));
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.location()).contains("/channels/");

		JsonNode channel = api.get("/api/v1/channels", token).json().get("items").get(0);
		assertThat(channel.get("network").asString()).isEqualTo("mastodon");
		assertThat(channel.get("handle").asString()).isEqualTo("brand@social.test");
		assertThat(channel.get("name").asString()).isEqualTo("Brand on Mastodon");
		assertThat(channel.get("status").asString()).isEqualTo("connected");
		instance.verify(postRequestedFor(urlPathEqualTo("/oauth/token")));

		assertThat(browser.get("/channels/oauth/callback?code=the-code&state=" + query.get("state")).status())
			.as("a state works once").isEqualTo(404);
		String sealed = jdbc.sql("select encode(client_secret, 'hex') from channels.oauth_apps where instance_url = ?")
			.param(authorizeBase(started)).query(String.class).single();
		assertThat(sealed).doesNotContain(HexFormat.of().formatHex(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));

		api.post("/api/v1/channels", token, Map.of("network", "mastodon", "instanceUrl", instance.baseUrl()));
		instance.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/apps")));
	}

	@Test
	void declinedAtTheInstanceConnectsNothingAndSaysSo() {
		Api.Response started = api.post("/api/v1/channels", token,
				Map.of("network", "mastodon", "instanceUrl", instance.baseUrl()));
		String state = query(URI.create(started.json().get("authorizationUrl").asString())).get("state");
		WebClient.Page back = browser.get("/channels/oauth/callback?error=access_denied&state=" + state);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.body()).contains("not approved");
		assertThat(api.get("/api/v1/channels", token).json().get("items")).isEmpty();
	}

	@Test
	void aMadeUpStateFindsNothing() {
		assertThat(browser.get("/channels/oauth/callback?code=x&state=invented").status()).isEqualTo(404);
	}

	@Test
	void anAddressThatIsNotAnInstanceIsNamed() {
		instance.stubFor(post("/api/v1/apps").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(404).withHeader("Content-Type", "text/html").withBody("<html>nothing here</html>")));
		Api.Response refused = api.post("/api/v1/channels", token,
				Map.of("network", "mastodon", "instanceUrl", instance.baseUrl()));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.raw().body()).contains("instanceUrl");
	}

	private String authorizeBase(Api.Response started) {
		URI authorize = URI.create(started.json().get("authorizationUrl").asString());
		return authorize.getScheme() + "://" + authorize.getAuthority();
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
		}
		return values;
	}
}
