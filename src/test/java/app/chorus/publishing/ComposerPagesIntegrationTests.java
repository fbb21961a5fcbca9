package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.PublishEngine;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * The composer, the posts list and a post's page as a signed-in person uses them (forms and the live check, without a
 * browser), publishing to Bluesky channels whose server is WireMock answering as the AT Protocol documents it; and
 * resolving a variant whose answer was lost, through the API.
 */
@ChorusIntegrationTest
class ComposerPagesIntegrationTests {

	private static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	private static final String TOO_LONG = "ab".repeat(151);
	private static final String TOO_LONG_SENTENCE = "The text is 302 characters long; Bluesky allows 300 characters.";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublishEngine engine;

	Api api;
	WebClient web;
	Membership workspace;
	UserAccount owner;
	String token;
	String channel;
	Map<String, String> dids = new HashMap<>();

	@BeforeEach
	void aWorkspaceWithABlueskyChannelAndItsOwnerSignedIn() {
		api = new Api(port);
		workspace = world.workspace("composer");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		channel = connect("brand.test", "Harbour Brand");
		web = signedIn(owner);
	}

	@Test
	void theCheckCountsEachTickedChannelsTextAndNamesTheBrokenRule() {
		String other = connect("news.test", "Harbour News");
		web.get("/posts/new");

		WebClient.Page check = web.post("/posts/check", List.of(Map.entry("text", TOO_LONG),
				Map.entry("channelIds", channel), Map.entry("channelIds", other),
				Map.entry("variant-text-" + other, "Short for #news, thanks @ana.bsky.social")));

		assertThat(check.status()).isEqualTo(200);
		String tooLong = checkOf(check.body(), channel);
		assertThat(tooLong).contains("hx-swap-oob=\"true\"").contains("302 / 300 characters")
			.contains("302 / 3,000 bytes").contains(TOO_LONG_SENTENCE).contains("counter over");
		String customised = checkOf(check.body(), other);
		assertThat(customised).contains("40 / 300 characters").doesNotContain("field-error")
			.doesNotContain("counter over").contains(">#news<").contains(">@ana.bsky.social<")
			.contains("Short for #news, thanks @ana.bsky.social").contains("Harbour News");
	}

	@Test
	void thePreviewShowsTheTextAsTextNeverAsMarkup() {
		web.get("/posts/new");
		WebClient.Page check = web.post("/posts/check", List.of(
				Map.entry("text", "<script>alert(1)</script>\r\n<b>second line</b>"), Map.entry("channelIds", channel)));
		assertThat(check.body()).doesNotContain("<script>alert").doesNotContain("<b>second")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;b&gt;second line&lt;/b&gt;");
	}

	@Test
	void theComposerOffersTheChannelsGroupedByNetwork() {
		WebClient.Page composer = web.get("/posts/new");
		assertThat(composer.status()).isEqualTo(200);
		assertThat(composer.body()).contains("<h2>Bluesky</h2>").contains("id=\"pick-" + channel + "\"")
			.contains("brand.test").contains("Customise for Bluesky (Harbour Brand)")
			.contains("hx-post=\"/posts/check\"").contains("Save draft").contains("Publish now");
	}

	@Test
	void aDraftIsSavedAndListed() {
		web.get("/posts/new");
		WebClient.Page saved = web.post("/posts", List.of(Map.entry("text", "Menu for the week\nSoup on Monday"),
				Map.entry("channelIds", channel), Map.entry("action", "draft"),
				Map.entry("idempotencyKey", UUID.randomUUID().toString())));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(path(saved)).matches("/posts/[0-9a-f-]{36}");
		String id = path(saved).substring("/posts/".length());

		JsonNode post = api.get("/api/v1/posts/" + id, token).json();
		assertThat(post.get("status").asString()).isEqualTo("draft");
		assertThat(post.get("text").asString()).isEqualTo("Menu for the week\nSoup on Monday");
		assertThat(post.get("variants").get(0).get("channelId").asString()).isEqualTo(channel);

		WebClient.Page page = web.get(path(saved));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("The draft is saved.").contains("Menu for the week\nSoup on Monday")
			.contains("Harbour Brand").contains(">Draft<");

		WebClient.Page list = web.get("/posts");
		assertThat(list.body()).contains("Menu for the week Soup on Monday").contains("Bluesky · Harbour Brand")
			.contains(">Draft<").contains("href=\"/posts/" + id + "\"");
		assertThat(web.get("/posts?status=published").body()).doesNotContain("/posts/" + id + "\"")
			.contains("No posts match these filters.");
		assertThat(web.get("/posts?status=draft&channel=" + channel).body()).contains("/posts/" + id + "\"");
	}

	@Test
	void anEmptyListPointsToTheComposer() {
		WebClient.Page list = web.get("/posts");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("No posts yet.").contains("Write the first post")
			.contains("href=\"/posts/new\"");
		assertThat(list.body()).contains("href=\"/posts\"").contains(">Posts<");
	}

	@Test
	void aTimeIsReadInThePersonsOwnZone() {
		UserAccount kathmandu = identity.createAccount(TestWorld.uniqueEmail("kathmandu"), "Sita", TestWorld.PASSWORD,
				Locale.ENGLISH, ZoneId.of("Asia/Kathmandu"), null);
		world.addMember(workspace, kathmandu, Role.MANAGER);
		WebClient theirs = signedIn(kathmandu);
		theirs.get("/posts/new");

		WebClient.Page scheduled = theirs.post("/posts", List.of(Map.entry("text", "Spring sale"),
				Map.entry("channelIds", channel), Map.entry("scheduledAt", "2031-03-14T09:30"),
				Map.entry("action", "schedule")));

		assertThat(scheduled.status()).isEqualTo(302);
		JsonNode post = api.get("/api/v1" + path(scheduled), token).json();
		assertThat(post.get("status").asString()).isEqualTo("scheduled");
		// 09:30 in Kathmandu (UTC+05:45) is 03:45 UTC
		assertThat(Instant.parse(post.get("scheduledAt").asString())).isEqualTo(Instant.parse("2031-03-14T03:45:00Z"));
		String page = theirs.get(path(scheduled)).body();
		assertThat(page).contains("Mar 14, 2031").contains("9:30").contains("value=\"2031-03-14T09:30\"");
		assertThat(web.get(path(scheduled)).body()).as("the owner reads it in UTC").contains("3:45");
	}

	@Test
	void problemsAreShownBesideTheirFieldsAndEverythingTypedIsKept() {
		web.get("/posts/new");
		WebClient.Page refused = web.post("/posts", List.of(Map.entry("text", TOO_LONG),
				Map.entry("channelIds", channel), Map.entry("action", "publish")));
		assertThat(refused.status()).isEqualTo(200);
		String block = channelBlock(refused.body(), channel);
		assertThat(block).contains(TOO_LONG_SENTENCE).contains("role=\"alert\"");
		assertThat(refused.body()).contains(">" + TOO_LONG + "</textarea>")
			.contains("id=\"pick-" + channel + "\" value=\"" + channel + "\" checked=\"checked\"");
		assertThat(postRows()).isZero();

		WebClient.Page noTime = web.post("/posts", List.of(Map.entry("text", "Later"),
				Map.entry("channelIds", channel), Map.entry("action", "schedule"), Map.entry("scheduledAt", "")));
		assertThat(after(noTime.body(), "id=\"scheduledAt\"")).contains("Choose when to publish.");

		WebClient.Page past = web.post("/posts", List.of(Map.entry("text", "Yesterday"),
				Map.entry("channelIds", channel), Map.entry("action", "schedule"),
				Map.entry("scheduledAt", "2001-01-01T10:00")));
		assertThat(after(past.body(), "id=\"scheduledAt\"")).contains("That time has passed.");
		assertThat(past.body()).contains("value=\"2001-01-01T10:00\"");

		WebClient.Page nowhere = web.post("/posts", List.of(Map.entry("text", "To nobody"),
				Map.entry("action", "publish")));
		assertThat(after(nowhere.body(), "<legend>Channels</legend>"))
			.contains("<p class=\"field-error\">Choose at least one channel to publish to.</p>");
		assertThat(postRows()).isZero();
	}

	@Test
	void aPublishedPostShowsItsLiveLinkAndAttempts() {
		BlueskyAnswers.recordsAreWritten(pds, dids.get(channel));
		web.get("/posts/new");
		WebClient.Page sent = web.post("/posts", List.of(Map.entry("text", "Out now"),
				Map.entry("channelIds", channel), Map.entry("action", "publish")));
		assertThat(sent.status()).isEqualTo(302);
		String id = path(sent).substring("/posts/".length());
		awaitStatus(id, "published");

		String page = web.get(path(sent)).body();
		assertThat(page).contains(">Published<").contains("Open on Bluesky").contains("https://bsky.app/profile/")
			.contains("Attempts (1)").doesNotContain("hx-trigger=\"every 2s\"");
		assertThat(web.get("/posts?status=published").body()).contains("/posts/" + id + "\"");
	}

	@Test
	void aVariantWhoseAnswerWasLostIsConfirmedPublishedOnlyOnce() {
		Lost lost = lostAnswer("Did it go out?");
		String page = web.get("/posts/" + lost.post()).body();
		assertThat(page).contains(">Needs confirmation<").contains("It went out").contains("Send it again")
			.contains("The network&#39;s answer was lost");

		Api.Response badUrl = api.post(confirm(lost), token, Map.of("url", "javascript:alert(1)"));
		assertThat(badUrl.status()).isEqualTo(422);
		assertThat(badUrl.raw().body()).contains("\"url\"");

		Api.Response confirmed = api.post(confirm(lost), token,
				Map.of("url", "https://bsky.app/profile/brand.test/post/3kabc"));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("published");
		JsonNode variant = confirmed.json().get("variants").get(0);
		assertThat(variant.get("status").asString()).isEqualTo("published");
		assertThat(variant.get("url").asString()).isEqualTo("https://bsky.app/profile/brand.test/post/3kabc");
		assertThat(variant.get("error").isNull()).isTrue();
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();

		assertThat(api.post(confirm(lost), token, Map.of()).status()).isEqualTo(409);
		assertThat(api.post(resend(lost), token, Map.of()).status()).isEqualTo(409);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("post.confirmed-published"));
	}

	@Test
	void aVariantWhoseAnswerWasLostIsSentAgainWithTheSameIdempotencyKey() {
		BlueskyAnswers.recordsAreWritten(pds, dids.get(channel));
		Lost lost = lostAnswer("Send me again");
		String key = idempotencyKey(lost.variant());

		Api.Response resent = api.post(resend(lost), token, Map.of());
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.json().get("variants").get(0).get("status").asString())
			.isIn("scheduled", "publishing", "published");

		JsonNode post = awaitStatus(lost.post(), "published");
		assertThat(post.get("variants").get(0).get("attempts").asInt()).isEqualTo(2);
		assertThat(idempotencyKey(lost.variant())).isEqualTo(key);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
		assertThat(api.post(resend(lost), token, Map.of()).status()).isEqualTo(409);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("post.resent"));
	}

	@Test
	void onlyAVariantAwaitingConfirmationCanBeResolved() {
		String draft = api.post("/api/v1/posts", token, Map.of("text", "Just a draft", "channelIds", List.of(channel)))
			.json().get("id").asString();
		String variant = api.get("/api/v1/posts/" + draft, token).json().get("variants").get(0).get("id").asString();
		Lost draftVariant = new Lost(draft, UUID.fromString(variant));
		assertThat(api.post(confirm(draftVariant), token, Map.of()).status()).isEqualTo(409);
		assertThat(api.post(resend(draftVariant), token, Map.of()).status()).isEqualTo(409);
		Lost unknown = new Lost(draft, UUID.randomUUID());
		assertThat(api.post(confirm(unknown), token, Map.of()).status()).isEqualTo(404);
		assertThat(api.post(resend(unknown), token, Map.of()).status()).isEqualTo(404);
	}

	@Test
	void anotherWorkspaceGetsNotFound() {
		Lost lost = lostAnswer("Ours alone");
		Membership elsewhere = world.workspace("composer-elsewhere");
		String theirToken = world.token(world.owner(elsewhere), elsewhere);
		WebClient theirs = signedIn(world.owner(elsewhere));

		assertThat(api.post(confirm(lost), theirToken, Map.of()).status()).isEqualTo(404);
		assertThat(api.post(resend(lost), theirToken, Map.of()).status()).isEqualTo(404);
		assertThat(theirs.get("/posts/" + lost.post()).status()).isEqualTo(404);
		assertThat(theirs.get("/posts").body()).doesNotContain(lost.post()).doesNotContain("Ours alone");
		assertThat(theirs.get("/posts/new").body()).doesNotContain(channel);
		theirs.get("/posts/new");
		assertThat(theirs.post("/posts/" + lost.post() + "/variants/" + lost.variant() + "/resend", Map.of())
			.status()).isEqualTo(404);
		assertThat(theirs.post("/posts/" + lost.post() + "/cancel", Map.of()).status()).isEqualTo(404);
		assertThat(theirs.post("/posts/check", List.of(Map.entry("text", "x"), Map.entry("channelIds", channel)))
			.body()).doesNotContain("check-" + channel);
		assertThat(api.get("/api/v1/posts/" + lost.post(), token).json().get("status").asString())
			.isEqualTo("needs_confirmation");
	}

	@Test
	void theCrisisSwitchShowsOnEveryPageUntilResumed() {
		web.get("/posts");
		WebClient.Page noReason = web.post("/posts/pause", Map.of("reason", "  "));
		assertThat(noReason.body()).contains("Say why publishing is paused");

		WebClient.Page paused = web.post("/posts/pause", Map.of("reason", "Statement <b>pending</b>"));
		assertThat(paused.status()).isEqualTo(302);
		for (String page : List.of("/posts", "/channels", "/")) {
			String body = web.get(page).body();
			assertThat(body).as(page).contains("Publishing is paused.").contains("Statement &lt;b&gt;pending&lt;/b&gt;")
				.contains(owner.displayName() + " paused it on");
		}
		assertThat(web.get("/posts").body()).contains("Resume publishing").contains("No post is held.");
		String held = api.post("/api/v1/posts", token, Map.of("text", "Held back", "channelIds", List.of(channel),
				"publishNow", true)).json().get("id").asString();
		awaitStatus(held, "held");
		assertThat(web.get("/posts").body()).contains("One post is held. What should happen to it?")
			.contains("Keep them held").contains("One post is held until publishing resumes.");

		web.get("/posts");
		assertThat(web.post("/posts/resume", Map.of("choice", "keep_held")).status()).isEqualTo(302);
		assertThat(web.get("/posts").body()).doesNotContain("Publishing is paused.").contains("Pause all publishing")
			.contains("One post is still held from the last pause.");
		assertThat(api.get("/api/v1/posts/" + held, token).json().get("status").asString()).isEqualTo("held");
	}

	// --- helpers ---

	private record Lost(String post, UUID variant) {
	}

	/**
	 * A scheduled post whose publish was left mid-call long ago, beyond any idempotency window: the engine stops it at
	 * needs_confirmation.
	 */
	private Lost lostAnswer(String text) {
		String id = api.post("/api/v1/posts", token, Map.of("text", text, "channelIds", List.of(channel),
				"scheduledAt", Instant.now().plusSeconds(3600).toString())).json().get("id").asString();
		UUID variant = UUID.fromString(api.get("/api/v1/posts/" + id, token).json().get("variants").get(0)
			.get("id").asString());
		jdbc.sql("update publishing.variants set status = 'publishing', attempts = 1 where id = ?").param(variant)
			.update();
		jdbc.sql("""
				insert into publishing.attempts (id, variant_id, workspace_id, number, node, started_at)
				values (?, ?, ?, 1, 'a node that died', ?)""")
			.params(UUID.randomUUID(), variant, workspace.workspaceId().value(),
					java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(3660))))
			.update();
		engine.run(workspace.workspaceId(), variant);
		assertThat(api.get("/api/v1/posts/" + id, token).json().get("status").asString())
			.isEqualTo("needs_confirmation");
		return new Lost(id, variant);
	}

	private static String confirm(Lost lost) {
		return "/api/v1/posts/" + lost.post() + "/variants/" + lost.variant() + "/confirm";
	}

	private static String resend(Lost lost) {
		return "/api/v1/posts/" + lost.post() + "/variants/" + lost.variant() + "/resend";
	}

	private String idempotencyKey(UUID variant) {
		return jdbc.sql("select idempotency_key from publishing.variants where id = ?").param(variant)
			.query(String.class).single();
	}

	/** Connects a Bluesky account of its own (its own DID) through the API; returns the channel id. */
	private String connect(String handle, String displayName) {
		String did = BlueskyAnswers.newDid();
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").atPriority(1)
			.withRequestBody(matchingJsonPath("$.identifier", equalTo(handle)))
			.willReturn(BlueskyAnswers.json(Map.of("did", did, "handle", handle, "accessJwt",
					BlueskyAnswers.jwt("access", Instant.now().plus(Duration.ofHours(2))), "refreshJwt",
					BlueskyAnswers.jwt("refresh", Instant.now().plus(Duration.ofDays(1))), "active", true, "didDoc",
					Map.of("id", did, "service", List.of(Map.of("id", "#atproto_pds", "type",
							"AtprotoPersonalDataServer", "serviceEndpoint", pds.baseUrl())))))));
		pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).atPriority(1)
			.withQueryParam("actor", equalTo(did))
			.willReturn(BlueskyAnswers.json(Map.of("did", did, "handle", handle, "displayName", displayName))));
		Api.Response connected = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl",
				pds.baseUrl(), "handle", handle, "appPassword", "abcd-efgh-ijkl-mnop"));
		assertThat(connected.status()).isEqualTo(201);
		String id = connected.json().get("id").asString();
		dids.put(id, did);
		return id;
	}

	/** Where a redirect leads, as a path on this server. */
	private static String path(WebClient.Page redirect) {
		return java.net.URI.create(redirect.location()).getPath();
	}

	private WebClient signedIn(UserAccount person) {
		WebClient client = new WebClient(port);
		assertThat(client.signIn(person.email(), TestWorld.PASSWORD).status()).isEqualTo(302);
		return client;
	}

	/** The check under one channel, from its opening tag to the end of its preview. */
	private static String checkOf(String html, String channelId) {
		Matcher matcher = Pattern.compile("<div class=\"variant-check\" id=\"check-" + channelId
				+ "\".*?<div class=\"preview\".*?</div>", Pattern.DOTALL).matcher(html);
		assertThat(matcher.find()).as("a check for channel %s in %s", channelId, html).isTrue();
		return matcher.group();
	}

	/** Everything the composer shows for one channel: its checkbox, variant, check and problems. */
	private static String channelBlock(String html, String channelId) {
		int start = html.indexOf("id=\"pick-" + channelId + "\"");
		assertThat(start).as("channel %s in the composer", channelId).isNotNegative();
		int end = html.indexOf("class=\"channel-choice\"", start);
		return html.substring(start, end < 0 ? html.indexOf("</fieldset>", start) : end);
	}

	/** The markup after a marker, up to the next field's label. */
	private static String after(String html, String marker) {
		int start = html.indexOf(marker);
		assertThat(start).as("%s in the page", marker).isNotNegative();
		int end = html.indexOf("<label", start + marker.length());
		return html.substring(start + marker.length(), end < 0 ? html.length() : end);
	}

	private JsonNode awaitStatus(String id, String status) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/posts/" + id, token).json(),
					post -> status.equals(post.get("status").asString()));
	}

	private int postRows() {
		return jdbc.sql("select count(*) from publishing.posts where workspace_id = ?")
			.param(workspace.workspaceId().value()).query(Integer.class).single();
	}
}
