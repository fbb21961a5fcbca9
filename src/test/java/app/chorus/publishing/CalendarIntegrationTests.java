package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.PostService;
import app.chorus.shared.audit.AuditActor;
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
 * The publishing calendar's feed ({@code GET /api/v1/calendar}) and the page's session twins: posts placed at their
 * time (published ones when they went out) with their campaign's colour, filtered by channel, campaign and status;
 * movable only by someone who may publish on every channel and only while they wait for their time; a bounded range
 * and a capped number of events; nothing of another workspace. Two Bluesky channels answer through WireMock.
 */
@ChorusIntegrationTest
class CalendarIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	PostService postService;

	@Autowired
	MessageSource messages;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	String brand;
	String news;
	String spring;
	Instant base;

	@BeforeEach
	void aWorkspaceWithTwoBlueskyChannelsAndACampaign() {
		api = new Api(port);
		workspace = world.workspace("calendar");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		brand = connect(workspace, token, "brand.test", "Brand");
		news = connect(workspace, token, "news.test", "Newsroom");
		spring = api.post("/api/v1/campaigns", token, Map.of("name", "Spring sale", "colour", "#22aa55")).json()
			.get("id").asString();
		base = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
	}

	@Test
	void theFeedPlacesEachPostAtItsTimeWithItsCampaignsColour() {
		String sale = schedule(token, "Spring sale starts\n\ntomorrow", base, List.of(brand), spring);
		String plain = schedule(token, "Opening hours", base.plus(1, ChronoUnit.DAYS), List.of(brand, news), null);
		String later = schedule(token, "Far ahead", base.plus(45, ChronoUnit.DAYS), List.of(brand), null);
		String undated = draft("No time yet", List.of(brand));
		String planned = draft("Planned draft", List.of(news));
		api.patch("/api/v1/posts/" + planned, token, Map.of("text", "Planned draft", "channelIds", List.of(news),
				"scheduledAt", base.plus(2, ChronoUnit.DAYS).toString()));

		JsonNode feed = feed(token, base.minus(1, ChronoUnit.DAYS), base.plus(30, ChronoUnit.DAYS), "");
		assertThat(ids(feed)).containsExactly(sale, plain, planned).doesNotContain(later, undated);
		assertThat(feed.get("truncated").asBoolean()).isFalse();

		JsonNode first = feed.get("events").get(0);
		assertThat(first.get("id").asString()).isEqualTo(sale);
		assertThat(first.get("postId").asString()).isEqualTo(sale);
		assertThat(first.get("title").asString()).isEqualTo("Spring sale starts tomorrow");
		assertThat(Instant.parse(first.get("start").asString())).isEqualTo(base);
		assertThat(first.get("status").asString()).isEqualTo("scheduled");
		assertThat(first.get("campaign").get("id").asString()).isEqualTo(spring);
		assertThat(first.get("campaign").get("name").asString()).isEqualTo("Spring sale");
		assertThat(first.get("campaign").get("colour").asString()).isEqualTo("#22aa55");
		assertThat(first.get("channels")).hasSize(1);
		assertThat(first.get("channels").get(0).get("id").asString()).isEqualTo(brand);
		assertThat(first.get("channels").get(0).get("network").asString()).isEqualTo("bluesky");
		assertThat(first.get("channels").get(0).get("name").asString()).isEqualTo("Brand");
		assertThat(first.get("editable").asBoolean()).isTrue();
		assertThat(first.get("url").asString()).isEqualTo("/posts/" + sale);

		JsonNode second = feed.get("events").get(1);
		assertThat(second.get("campaign").isNull()).isTrue();
		assertThat(second.get("channels")).extracting(c -> c.get("name").asString())
			.containsExactly("Brand", "Newsroom");
		JsonNode third = feed.get("events").get(2);
		assertThat(third.get("status").asString()).isEqualTo("draft");
		assertThat(third.get("editable").asBoolean()).as("a draft with a time may be moved").isTrue();

		String days = "from=" + LocalDate.ofInstant(base, ZoneOffset.UTC) + "&to="
				+ LocalDate.ofInstant(base, ZoneOffset.UTC).plusDays(1);
		assertThat(ids(api.get("/api/v1/calendar?" + days, token).json()))
			.as("dates are midnight in the person's time zone (UTC here)").containsExactly(sale);
	}

	@Test
	void aPublishedPostStandsWhenItWentOutAndCannotBeMoved() {
		Api.Response sent = api.post("/api/v1/posts", token, Map.of("text", "Out now", "channelIds", List.of(brand),
				"publishNow", true));
		String id = sent.json().get("id").asString();
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/posts/" + id, token).json().get("status").asString(), "published"::equals);
		Instant publishedAt = Instant.parse(api.get("/api/v1/posts/" + id, token).json().get("variants").get(0)
			.get("publishedAt").asString());

		JsonNode event = only(feed(token, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plusSeconds(60),
				""));
		assertThat(event.get("postId").asString()).isEqualTo(id);
		assertThat(event.get("status").asString()).isEqualTo("published");
		assertThat(Instant.parse(event.get("start").asString())).isEqualTo(publishedAt);
		assertThat(event.get("editable").asBoolean()).isFalse();
	}

	@Test
	void filtersNarrowTheFeedByChannelCampaignAndStatus() {
		String sale = schedule(token, "Sale on Brand", base, List.of(brand), spring);
		String both = schedule(token, "On both", base.plusSeconds(3600), List.of(brand, news), null);
		String newsOnly = schedule(token, "News only", base.plusSeconds(7200), List.of(news), spring);
		String planned = draft("Planned", List.of(brand));
		api.patch("/api/v1/posts/" + planned, token, Map.of("text", "Planned", "channelIds", List.of(brand),
				"scheduledAt", base.plusSeconds(9000).toString()));
		String withdrawn = schedule(token, "Withdrawn", base.plusSeconds(10_000), List.of(brand), null);
		assertThat(api.delete("/api/v1/posts/" + withdrawn, token).status()).isEqualTo(200);

		Instant from = base.minus(1, ChronoUnit.DAYS);
		Instant to = base.plus(7, ChronoUnit.DAYS);
		assertThat(ids(feed(token, from, to, ""))).as("withdrawn posts only when asked for")
			.containsExactly(sale, both, newsOnly, planned);
		assertThat(ids(feed(token, from, to, "&channelId=" + news))).containsExactly(both, newsOnly);
		assertThat(ids(feed(token, from, to, "&campaignId=" + spring))).containsExactly(sale, newsOnly);
		assertThat(ids(feed(token, from, to, "&campaignId=" + spring + "&channelId=" + brand)))
			.containsExactly(sale);
		assertThat(ids(feed(token, from, to, "&status=draft"))).containsExactly(planned);
		assertThat(ids(feed(token, from, to, "&status=cancelled"))).containsExactly(withdrawn);
		assertThat(ids(feed(token, from, to, "&channelId=" + UUID.randomUUID()))).isEmpty();

		Api.Response unknown = api.get("/api/v1/calendar?from=" + from + "&to=" + to + "&status=lost", token);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	@Test
	void aContributorSeesThePostsButMayMoveNone() {
		String sale = schedule(token, "Sale", base, List.of(brand), spring);
		UserAccount contributor = world.member(workspace, "contributor", Role.CONTRIBUTOR);
		String theirs = world.token(contributor, workspace);
		String drafted = draft(theirs, "My idea", List.of(brand));
		api.patch("/api/v1/posts/" + drafted, theirs, Map.of("text", "My idea", "channelIds", List.of(brand),
				"scheduledAt", base.plusSeconds(600).toString()));

		JsonNode feed = feed(theirs, base.minus(1, ChronoUnit.DAYS), base.plus(1, ChronoUnit.DAYS), "");
		assertThat(ids(feed)).containsExactly(sale, drafted);
		assertThat(feed.get("events")).allSatisfy(e -> assertThat(e.get("editable").asBoolean())
			.as("a contributor may not publish, so may not move").isFalse());
		assertThat(api.post("/api/v1/posts/" + sale + "/schedule", theirs,
				Map.of("scheduledAt", base.plusSeconds(3600).toString())).status()).isEqualTo(403);

		WebClient page = signedIn(contributor);
		WebClient.Page refused = page.postJson("/calendar/posts/" + sale + "/schedule",
				"{\"scheduledAt\":\"" + base.plusSeconds(3600) + "\"}", true);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(scheduledAt(sale)).isEqualTo(base);
	}

	@Test
	void aPublisherMayMoveOnlyPostsWhoseEveryChannelTheyMayPublishOn() {
		UserAccount publisher = world.member(workspace, "publisher", Role.PUBLISHER);
		assertThat(api.putJson("/api/v1/channels/" + news + "/grants", token, Map.of("granteeType", "member",
				"granteeId", publisher.id().value(), "permissions", List.of("draft"))).status()).isEqualTo(200);
		String brandOnly = schedule(token, "Brand only", base, List.of(brand), null);
		String both = schedule(token, "Both", base.plusSeconds(60), List.of(brand, news), null);

		Map<String, Boolean> editable = new HashMap<>();
		feed(world.token(publisher, workspace), base.minusSeconds(60), base.plusSeconds(600), "").get("events")
			.forEach(e -> editable.put(e.get("postId").asString(), e.get("editable").asBoolean()));
		assertThat(editable).containsExactlyInAnyOrderEntriesOf(Map.of(brandOnly, true, both, false));
	}

	@Test
	void aPostInReviewCannotBeMovedAndTheRefusalIsInThePersonsLanguage() {
		assertThat(api.putJson("/api/v1/publishing/approval-policy/channels/" + news, token,
				Map.of("steps", List.of(Map.of("role", "manager")))).status()).isEqualTo(200);
		String reviewed = schedule(token, "Needs a look", base, List.of(news), null);
		assertThat(api.get("/api/v1/posts/" + reviewed, token).json().get("status").asString())
			.isEqualTo("in_review");

		JsonNode event = only(feed(token, base.minusSeconds(60), base.plusSeconds(60), ""));
		assertThat(event.get("status").asString()).isEqualTo("in_review");
		assertThat(event.get("editable").asBoolean()).as("approvers decide, not the calendar").isFalse();

		WebClient page = signedIn(owner);
		page.post("/language", Map.of("lang", "da", "back", "/calendar"));
		WebClient.Page refused = page.postJson("/calendar/posts/" + reviewed + "/schedule",
				"{\"scheduledAt\":\"" + base.plusSeconds(3600) + "\"}", true);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(JSON.readTree(refused.body()).get("detail").asString())
			.isEqualTo(messages.getMessage("post.reschedule.nothing", null, Locale.forLanguageTag("da")))
			.isEqualTo("Intet i dette opslag venter på at blive udgivet.");
		assertThat(scheduledAt(reviewed)).isEqualTo(base);
	}

	@Test
	void thePageMovesAPostWithItsSessionAndCsrfTokenButNeverIntoThePast() {
		String sale = schedule(token, "Sale", base, List.of(brand), spring);
		String planned = draft("Planned", List.of(brand));
		api.patch("/api/v1/posts/" + planned, token, Map.of("text", "Planned", "channelIds", List.of(brand),
				"scheduledAt", base.toString()));
		WebClient page = signedIn(owner);
		WebClient.Page calendar = page.get("/calendar");
		assertThat(calendar.status()).isEqualTo(200);
		assertThat(calendar.body()).contains("href=\"/calendar\"", "data-zone=\"UTC\"", "Spring sale")
			.containsSubsequence("href=\"/posts\"", "href=\"/calendar\"", "href=\"/channels\"");
		assertThat(page.get("/calendar/events?from=" + base.minusSeconds(60) + "&to=" + base.plusSeconds(60)).body())
			.contains(sale, planned, "#22aa55");

		Instant later = base.plus(3, ChronoUnit.DAYS);
		assertThat(page.postJson("/calendar/posts/" + sale + "/schedule", "{\"scheduledAt\":\"" + later + "\"}",
				false).status()).as("no CSRF token, no move").isEqualTo(403);
		WebClient.Page moved = page.postJson("/calendar/posts/" + sale + "/schedule",
				"{\"scheduledAt\":\"" + later + "\"}", true);
		assertThat(moved.status()).isEqualTo(200);
		assertThat(Instant.parse(JSON.readTree(moved.body()).get("start").asString())).isEqualTo(later);
		assertThat(scheduledAt(sale)).isEqualTo(later);
		assertThat(api.get("/api/v1/posts/" + sale, token).json().get("variants").get(0).get("scheduledAt")
			.asString()).isEqualTo(later.toString());

		WebClient.Page draftMoved = page.postJson("/calendar/posts/" + planned + "/schedule",
				"{\"scheduledAt\":\"" + later + "\"}", true);
		assertThat(draftMoved.status()).isEqualTo(200);
		JsonNode movedDraft = api.get("/api/v1/posts/" + planned, token).json();
		assertThat(movedDraft.get("status").asString()).as("a moved draft stays a draft").isEqualTo("draft");
		assertThat(Instant.parse(movedDraft.get("scheduledAt").asString())).isEqualTo(later);

		WebClient.Page past = page.postJson("/calendar/posts/" + sale + "/schedule",
				"{\"scheduledAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}", true);
		assertThat(past.status()).isEqualTo(422);
		assertThat(JSON.readTree(past.body()).get("detail").asString())
			.isEqualTo("That time has passed. Choose a time in the future, or publish now.");
		assertThat(scheduledAt(sale)).isEqualTo(later);
	}

	@Test
	void theRangeIsBoundedAndTheNumberOfEventsCapped() {
		Instant from = base;
		assertThat(problemField(api.get("/api/v1/calendar?to=" + from, token))).isEqualTo("from");
		assertThat(problemField(api.get("/api/v1/calendar?from=" + from + "&to=" + from, token))).isEqualTo("to");
		assertThat(problemField(api.get("/api/v1/calendar?from=" + from + "&to=yesterday", token))).isEqualTo("to");
		Api.Response tooLong = api.get("/api/v1/calendar?from=" + from + "&to=" + from.plus(101, ChronoUnit.DAYS),
				token);
		assertThat(problemField(tooLong)).isEqualTo("to");
		assertThat(tooLong.json().get("detail").asString()).isEqualTo("The period can be at most 100 days long.");
		assertThat(api.get("/api/v1/calendar?from=" + from + "&to=" + from.plus(100, ChronoUnit.DAYS), token)
			.status()).isEqualTo(200);

		Instant start = base.plus(60, ChronoUnit.DAYS);
		for (int i = 0; i < 501; i++) {
			postService.create(workspace, AuditActor.system(), new PostService.Draft("Post " + i,
					List.of(UUID.fromString(brand)), List.of(), start.plusSeconds(60L * i), false), null);
		}
		JsonNode capped = feed(token, start, start.plus(1, ChronoUnit.DAYS), "");
		assertThat(capped.get("events")).hasSize(500);
		assertThat(capped.get("truncated").asBoolean()).isTrue();
		assertThat(capped.get("events").get(0).get("title").asString()).as("earliest first").isEqualTo("Post 0");
	}

	@Test
	void anotherWorkspacesPostsNeverAppear() {
		String ours = schedule(token, "Ours", base, List.of(brand), spring);
		Membership other = world.workspace("calendar-other");
		String otherToken = world.token(world.owner(other), other);
		String theirChannel = connect(other, otherToken, "other.test", "Other");
		String theirCampaign = api.post("/api/v1/campaigns", otherToken, Map.of("name", "Theirs", "colour",
				"#aa2222")).json().get("id").asString();
		String theirs = schedule(otherToken, "Theirs", base, List.of(theirChannel), theirCampaign);

		Instant from = base.minus(1, ChronoUnit.DAYS);
		Instant to = base.plus(1, ChronoUnit.DAYS);
		assertThat(ids(feed(token, from, to, ""))).containsExactly(ours);
		assertThat(ids(feed(otherToken, from, to, ""))).containsExactly(theirs);
		assertThat(ids(feed(token, from, to, "&channelId=" + theirChannel))).isEmpty();
		assertThat(ids(feed(token, from, to, "&campaignId=" + theirCampaign))).isEmpty();
		assertThat(feed(token, from, to, "").toString()).doesNotContain(theirs, theirChannel, theirCampaign);

		WebClient page = signedIn(owner);
		assertThat(page.get("/calendar/events?from=" + from + "&to=" + to).body()).doesNotContain(theirs);
		page.get("/calendar");
		assertThat(page.postJson("/calendar/posts/" + theirs + "/schedule",
				"{\"scheduledAt\":\"" + base.plusSeconds(3600) + "\"}", true).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/posts/" + theirs, otherToken).json().get("scheduledAt").asString())
			.isEqualTo(base.toString());
	}

	private String connect(Membership in, String withToken, String handle, String name) {
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, handle, name);
		BlueskyAnswers.recordsAreWritten(pds, did);
		Api.Response connected = api.post("/api/v1/channels", withToken, Map.of("network", "bluesky", "pdsUrl",
				pds.baseUrl(), "handle", handle, "appPassword", "abcd-efgh-ijkl-mnop"));
		assertThat(connected.status()).as(connected.raw().body()).isEqualTo(201);
		return connected.json().get("id").asString();
	}

	private String schedule(String withToken, String text, Instant at, List<String> channels,
			@org.jspecify.annotations.Nullable String campaign) {
		Map<String, Object> body = new HashMap<>(Map.of("text", text, "channelIds", channels, "scheduledAt",
				at.toString()));
		if (campaign != null) {
			body.put("campaignId", campaign);
		}
		Api.Response created = api.post("/api/v1/posts", withToken, body);
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String draft(String text, List<String> channels) {
		return draft(token, text, channels);
	}

	private String draft(String withToken, String text, List<String> channels) {
		Api.Response created = api.post("/api/v1/posts", withToken, Map.of("text", text, "channelIds", channels));
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private JsonNode feed(String withToken, Instant from, Instant to, String filters) {
		Api.Response response = api.get("/api/v1/calendar?from=" + from + "&to=" + to + filters, withToken);
		assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode feed) {
		List<String> ids = new ArrayList<>();
		feed.get("events").forEach(e -> ids.add(e.get("postId").asString()));
		return ids;
	}

	private static JsonNode only(JsonNode feed) {
		assertThat(feed.get("events")).hasSize(1);
		return feed.get("events").get(0);
	}

	private Instant scheduledAt(String post) {
		return Instant.parse(api.get("/api/v1/posts/" + post, token).json().get("scheduledAt").asString());
	}

	private static String problemField(Api.Response response) {
		assertThat(response.status()).as(response.raw().body()).isEqualTo(422);
		return response.json().get("errors").get(0).get("field").asString();
	}

	private WebClient signedIn(UserAccount person) {
		WebClient client = new WebClient(port);
		assertThat(client.signIn(person.email(), TestWorld.PASSWORD).status()).isEqualTo(302);
		client.get("/calendar");
		return client;
	}
}
