package app.chorus.publishing.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.UserAccount;
import app.chorus.shared.web.ChorusException;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * Short links end to end: made through the facade or the API, followed by anyone at {@code /l/{code}} to the tagged
 * target, each visit counted (people and bots apart, nothing about the visitor kept), and visible only to their own
 * workspace.
 */
@ChorusIntegrationTest
class ShortLinksIntegrationTests {

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ShortLinks shortLinks;

	@Autowired
	JdbcClient jdbc;

	final HttpClient visitor = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;

	@BeforeEach
	void aWorkspace() {
		api = new Api(port);
		workspace = world.workspace("links");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
	}

	@Test
	void aShortLinkSendsTheVisitorToTheTaggedTargetAndCountsPeopleAndBotsApart() {
		ShortLink link = shortLinks.shorten(workspace.workspaceId(), "https://example.com/spring?ref=home#offers",
				Utm.forNetwork(NetworkKey.BLUESKY, "Spring Sale"), null, null);

		assertThat(link.code()).matches("[A-Za-z0-9]{8}");
		assertThat(link.shortUrl()).isEqualTo("http://localhost/l/" + link.code());
		assertThat(link.taggedTargetUrl()).isEqualTo(
				"https://example.com/spring?ref=home&utm_source=bluesky&utm_medium=social&utm_campaign=spring-sale"
						+ "#offers");

		HttpResponse<String> person = visit(link.code(), BROWSER, "https://bsky.app/profile/brand.test/post/3kabc");
		assertThat(person.statusCode()).isEqualTo(302);
		assertThat(person.headers().firstValue("Location")).hasValue(link.taggedTargetUrl());
		assertThat(person.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(person.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(person.headers().firstValue("Set-Cookie")).as("a visitor gets no session").isEmpty();

		visit(link.code(), BROWSER, null);
		assertThat(visit(link.code(), GOOGLEBOT, null).statusCode()).isEqualTo(302);
		assertThat(visit(link.code(), "", null).statusCode()).isEqualTo(302);

		JsonNode listed = api.get("/api/v1/links", token).json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("code").asString()).isEqualTo(link.code());
		assertThat(listed.get(0).get("clicks").asLong()).isEqualTo(2);
		assertThat(listed.get(0).get("botClicks").asLong()).isEqualTo(2);
		assertThat(listed.get(0).get("network").asString()).isEqualTo("bluesky");

		JsonNode detail = api.get("/api/v1/links/" + listed.get(0).get("id").asString(), token).json();
		assertThat(detail.get("link").get("taggedUrl").asString()).isEqualTo(link.taggedTargetUrl());
		assertThat(detail.get("days")).hasSize(1);
		assertThat(detail.get("days").get(0).get("day").asString())
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(detail.get("days").get(0).get("clicks").asLong()).isEqualTo(2);
		assertThat(detail.get("days").get(0).get("botClicks").asLong()).isEqualTo(2);
		assertThat(detail.get("referrers").toString()).contains("\"host\":\"bsky.app\",\"clicks\":1,\"botClicks\":0")
			.contains("\"host\":\"\",\"clicks\":1,\"botClicks\":2");

		String stored = jdbc.sql("select coalesce(string_agg(c::text, ' '), '') from publishing.clicks c")
			.query(String.class).single();
		assertThat(stored).as("no address, user agent or referring page is kept").doesNotContain("127.0.0.1")
			.doesNotContain("Firefox").doesNotContain("Googlebot").doesNotContain("brand.test");
	}

	@Test
	void anUnknownCodeIsANotFoundPageForAnyone() {
		HttpResponse<String> unknown = visit("zzzzzzzz", BROWSER, null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("This short link does not exist");
		assertThat(visit("no-such!", BROWSER, null).statusCode()).isEqualTo(404);
	}

	@Test
	void rewritingAPostReplacesEveryLinkOnceAndReusesThemForThatPost() {
		UUID post = UUID.randomUUID();
		UUID variant = UUID.randomUUID();
		Utm utm = Utm.forNetwork(NetworkKey.MASTODON, "Launch");
		String text = "New: https://example.com/launch. Docs (https://docs.example.com/start) and again "
				+ "https://example.com/launch!";

		RewrittenText rewritten = shortLinks.rewrite(workspace.workspaceId(), text, utm, post, variant);

		assertThat(rewritten.links()).hasSize(2);
		ShortLink launch = rewritten.links().get(0);
		ShortLink docs = rewritten.links().get(1);
		assertThat(rewritten.text()).isEqualTo("New: " + launch.shortUrl() + ". Docs (" + docs.shortUrl()
				+ ") and again " + launch.shortUrl() + "!");
		assertThat(docs.taggedTargetUrl()).isEqualTo(
				"https://docs.example.com/start?utm_source=mastodon&utm_medium=social&utm_campaign=launch");

		RewrittenText again = shortLinks.rewrite(workspace.workspaceId(), text, utm, post, variant);
		assertThat(again.text()).isEqualTo(rewritten.text());
		assertThat(shortLinks.shorten(workspace.workspaceId(), "https://example.com/launch", utm, post, variant))
			.isEqualTo(launch);
		assertThat(shortLinks.rewrite(workspace.workspaceId(), rewritten.text(), utm, post, variant).text())
			.as("short links already in the text stay as they are").isEqualTo(rewritten.text());

		RewrittenText onBluesky = shortLinks.rewrite(workspace.workspaceId(), text,
				Utm.forNetwork(NetworkKey.BLUESKY, "Launch"), post, UUID.randomUUID());
		assertThat(onBluesky.links()).extracting(ShortLink::code).doesNotContain(launch.code(), docs.code());

		assertThat(api.get("/api/v1/links", token).json().get("items")).hasSize(4);
	}

	@Test
	void linksToAnythingButTheWebAreRefused() {
		assertThatThrownBy(() -> shortLinks.shorten(workspace.workspaceId(), "javascript:alert(1)",
				Utm.forNetwork(NetworkKey.BLUESKY, "x"), null, null))
			.isInstanceOfSatisfying(ChorusException.class, e -> assertThat(e.field()).isEqualTo("url"));

		Api.Response ftp = api.post("/api/v1/links", token,
				Map.of("url", "ftp://files.example.com/a", "network", "bluesky"));
		assertThat(ftp.status()).isEqualTo(422);
		assertThat(ftp.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(ftp.json().get("detail").asString()).contains("http or https");

		Api.Response network = api.post("/api/v1/links", token,
				Map.of("url", "https://example.com/", "network", "myspace"));
		assertThat(network.status()).isEqualTo(422);
		assertThat(network.json().get("errors").get(0).get("field").asString()).isEqualTo("network");
		assertThat(api.get("/api/v1/links", token).json().get("items")).isEmpty();
	}

	@Test
	void aWorkspaceSeesAndMakesOnlyItsOwnLinksAsItsRolesAllow() {
		Api.Response created = api.post("/api/v1/links", token,
				Map.of("url", "https://example.com/a", "network", "bluesky", "campaign", "Autumn"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith("/api/v1/links/" + id);
		assertThat(created.json().get("campaign").asString()).isEqualTo("Autumn");
		assertThat(created.json().get("createdBy").asString()).isEqualTo(owner.id().value().toString());
		assertThat(created.json().get("taggedUrl").asString())
			.isEqualTo("https://example.com/a?utm_source=bluesky&utm_medium=social&utm_campaign=autumn");
		assertThat(api.get("/api/v1/links/" + id, token).status()).isEqualTo(200);

		Membership other = world.workspace("other-links");
		String otherToken = world.token(world.owner(other), other);
		Api.Response foreign = api.get("/api/v1/links/" + id, otherToken);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.raw().body()).doesNotContain("example.com");
		assertThat(api.get("/api/v1/links", otherToken).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/links/not-an-id", otherToken).status()).isEqualTo(404);

		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		String viewerToken = world.token(viewer, workspace);
		assertThat(api.get("/api/v1/links", viewerToken).json().get("items")).hasSize(1);
		assertThat(api.post("/api/v1/links", viewerToken, Map.of("url", "https://example.com/b", "network",
				"bluesky")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/links", null).status()).isEqualTo(401);

		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("link.created"));
	}

	@Test
	void theLinksPageListsLinksWithTheirClicksAndMakesThemByHand() {
		ShortLink link = shortLinks.shorten(workspace.workspaceId(), "https://example.com/page",
				Utm.forNetwork(NetworkKey.BLUESKY, "Page"), null, null);
		visit(link.code(), BROWSER, null);

		WebClient browser = new WebClient(port);
		browser.signIn(owner.email(), TestWorld.PASSWORD);
		WebClient.Page page = browser.get("/links");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Short links", link.shortUrl(), "https://example.com/page", "Bluesky");

		WebClient.Page refused = browser.post("/links", Map.of("url", "mailto:ana@example.com", "network", "x"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Only web addresses (http or https) can be shortened");

		browser.get("/links");
		WebClient.Page made = browser.post("/links",
				Map.of("url", "https://example.com/hand", "network", "mastodon", "campaign", "By hand"));
		assertThat(made.status()).isEqualTo(302);
		WebClient.Page detail = browser.get(made.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("utm_source=mastodon", "utm_campaign=by-hand", "No clicks yet.");
	}

	private HttpResponse<String> visit(String code, String userAgent, String referer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/l/" + code))
			.timeout(Duration.ofSeconds(30)).header("Accept-Language", "en").GET();
		if (!userAgent.isEmpty()) {
			request.header("User-Agent", userAgent);
		}
		if (referer != null) {
			request.header("Referer", referer);
		}
		try {
			return visitor.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
