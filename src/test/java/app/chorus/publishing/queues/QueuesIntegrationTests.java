package app.chorus.publishing.queues;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.TokenScope;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * Posting slots, the queue and evergreen posts through the API, on Bluesky channels whose server answers as the AT
 * Protocol documents it (WireMock): slots set, read, validated and cleared; posts added to the queue land in the next
 * free slot and the next post in the one after; an evergreen post is copied into the next free slot; and another
 * workspace reaches none of it.
 */
@ChorusIntegrationTest
class QueuesIntegrationTests {

	static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Evergreen evergreen;

	Api api;
	Membership workspace;
	String token;
	String channelId;

	@BeforeEach
	void aWorkspaceWithABlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("queues");
		token = world.token(world.owner(workspace), workspace);
		channelId = connect("brand.test", "Brand");
	}

	@Test
	void slotsAreSetReadAndCleared() {
		JsonNode empty = api.get(slotsOf(channelId), token).json();
		assertThat(empty.get("timeZone").isNull()).isTrue();
		assertThat(empty.get("slots")).isEmpty();
		assertThat(empty.get("nextFreeSlot").isNull()).isTrue();

		Api.Response set = api.putJson(slotsOf(channelId), token, Map.of("timeZone", "Europe/Copenhagen", "slots",
				List.of(slot("friday", "17:00"), slot("MONDAY", "09:30"), slot("MONDAY", "08:05"))));
		assertThat(set.status()).isEqualTo(200);
		JsonNode read = api.get(slotsOf(channelId), token).json();
		assertThat(read.get("timeZone").asString()).isEqualTo("Europe/Copenhagen");
		assertThat(read.get("slots").findValuesAsString("day")).containsExactly("MONDAY", "MONDAY", "FRIDAY");
		assertThat(read.get("slots").findValuesAsString("time")).containsExactly("08:05", "09:30", "17:00");
		ZonedDateTime next = Instant.parse(read.get("nextFreeSlot").asString()).atZone(COPENHAGEN);
		assertThat(List.of(next.getDayOfWeek() + " " + next.toLocalTime()))
			.containsAnyOf("MONDAY 08:05", "MONDAY 09:30", "FRIDAY 17:00");

		Api.Response cleared = api.putJson(slotsOf(channelId), token, Map.of("timeZone", "UTC", "slots", List.of()));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("slots")).isEmpty();
		assertThat(cleared.json().get("nextFreeSlot").isNull()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("queue.slots-changed"));
	}

	@Test
	void slotsAreValidatedFieldByField() {
		api.putJson(slotsOf(channelId), token, Map.of("timeZone", "UTC", "slots", List.of(slot("MONDAY", "09:30"))));

		Api.Response refused = api.putJson(slotsOf(channelId), token, Map.of("timeZone", "Mars/Olympus_Mons", "slots",
				List.of(slot("FUNDAY", "9:30"), slot("MONDAY", "25:00"), slot("TUESDAY", "10:00"),
						slot("tuesday", "10:00"))));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused)).containsExactly("timeZone", "slots[0].day", "slots[0].time", "slots[1].time",
				"slots[3]");

		List<Map<String, String>> tooMany = IntStream.range(0, 101)
			.mapToObj(i -> slot(DayOfWeek.of(i % 7 + 1).name(), String.format("%02d:%02d", i / 7, i % 60)))
			.toList();
		Api.Response overLimit = api.putJson(slotsOf(channelId), token, Map.of("timeZone", "UTC", "slots", tooMany));
		assertThat(overLimit.status()).isEqualTo(422);
		assertThat(fields(overLimit)).containsExactly("slots");
		assertThat(overLimit.json().get("errors").get(0).get("message").asString()).contains("100");

		Api.Response noZone = api.putJson(slotsOf(channelId), token, Map.of("slots", List.of()));
		assertThat(fields(noZone)).containsExactly("timeZone");
		Api.Response noSlots = api.putJson(slotsOf(channelId), token, Map.of("timeZone", "UTC"));
		assertThat(fields(noSlots)).containsExactly("slots");

		assertThat(api.get(slotsOf(channelId), token).json().get("slots").findValuesAsString("time"))
			.as("refused changes leave the slots as they were").containsExactly("09:30");
	}

	@Test
	void onlyThoseWhoManageChannelsChangeSlotsAndOnlyPublishersQueue() {
		String publisher = world.token(world.member(workspace, "publisher", Role.PUBLISHER), workspace);
		String viewer = world.token(world.member(workspace, "viewer", Role.VIEWER), workspace);
		String ownerWithoutAdminScope = world.token(world.owner(workspace), workspace, TokenScope.READ,
				TokenScope.WRITE);
		Map<String, Object> body = Map.of("timeZone", "UTC", "slots", List.of(slot("MONDAY", "09:30")));

		assertThat(api.putJson(slotsOf(channelId), publisher, body).status()).isEqualTo(403);
		assertThat(api.putJson(slotsOf(channelId), ownerWithoutAdminScope, body).status()).isEqualTo(403);
		assertThat(api.get(slotsOf(channelId), viewer).status()).isEqualTo(200);
		assertThat(api.putJson(slotsOf(channelId), token, body).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/queue", viewer, Map.of("text", "Not mine to queue", "channelIds",
				List.of(channelId))).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/queue", publisher, Map.of("text", "Queued by a publisher", "channelIds",
				List.of(channelId))).status()).isEqualTo(201);
	}

	@Test
	void aPostAddedToTheQueueTakesTheNextFreeSlotAndTheNextPostTheOneAfter() {
		ZonedDateTime first = slotTwoHoursAhead();
		everyDayAt(channelId, first);

		Api.Response queued = api.post("/api/v1/queue", token, Map.of("text", "First in line", "channelIds",
				List.of(channelId)));
		assertThat(queued.status()).isEqualTo(201);
		JsonNode post = queued.json().get("posts").get(0);
		assertThat(queued.json().get("posts")).hasSize(1);
		assertThat(queued.header("Location")).isEqualTo("/api/v1/posts/" + post.get("id").asString());
		assertThat(post.get("status").asString()).isEqualTo("scheduled");
		assertThat(Instant.parse(post.get("scheduledAt").asString())).isEqualTo(first.toInstant());
		JsonNode stored = api.get("/api/v1/posts/" + post.get("id").asString(), token).json();
		assertThat(stored.get("text").asString()).isEqualTo("First in line");
		assertThat(Instant.parse(stored.get("variants").get(0).get("scheduledAt").asString()))
			.isEqualTo(first.toInstant());

		assertThat(scheduledAt(api.post("/api/v1/queue", token, Map.of("text", "Second in line", "channelIds",
				List.of(channelId))))).isEqualTo(first.plusDays(1).toInstant());

		// a post scheduled by hand within the third slot's minute holds that slot too
		api.post("/api/v1/posts", token, Map.of("text", "By hand", "channelIds", List.of(channelId), "scheduledAt",
				first.plusDays(2).toInstant().plusSeconds(20).toString()));
		assertThat(scheduledAt(api.post("/api/v1/queue", token, Map.of("text", "Third in line", "channelIds",
				List.of(channelId))))).isEqualTo(first.plusDays(3).toInstant());

		JsonNode queue = api.get("/api/v1/queue?channelId=" + channelId, token).json().get("items").get(0);
		assertThat(queue.get("upcoming").findValuesAsString("text")).containsExactly("First in line",
				"Second in line", "By hand", "Third in line");
		assertThat(Instant.parse(queue.get("nextFreeSlot").asString())).isEqualTo(first.plusDays(4).toInstant());
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("post.queued"));
	}

	@Test
	void channelsShareOnePostWhereTheirNextFreeSlotsCoincideAndGetOneEachWhereTheyDiffer() {
		String second = connect("second.test", "Second");
		ZonedDateTime first = slotTwoHoursAhead();
		everyDayAt(channelId, first);
		everyDayAt(second, first);

		Api.Response together = api.post("/api/v1/queue", token, Map.of("text", "Both at once", "channelIds",
				List.of(channelId, second)));
		assertThat(together.status()).isEqualTo(201);
		assertThat(together.json().get("posts")).hasSize(1);
		assertThat(texts(together.json().get("posts").get(0).get("channelIds")))
			.containsExactly(channelId, second);

		// the first channel's next free slot is now a day later than the second's, which gets a fresh slot sooner
		everyDayAt(second, first.plusHours(1));
		Api.Response apart = api.post("/api/v1/queue", token, Map.of("text", "Each in its slot", "channelIds",
				List.of(channelId, second)));
		assertThat(apart.status()).isEqualTo(201);
		JsonNode posts = apart.json().get("posts");
		assertThat(posts).hasSize(2);
		assertThat(Instant.parse(posts.get(0).get("scheduledAt").asString()))
			.isEqualTo(first.plusHours(1).toInstant());
		assertThat(posts.get(0).get("channelIds").get(0).asString()).isEqualTo(second);
		assertThat(Instant.parse(posts.get(1).get("scheduledAt").asString())).isEqualTo(first.plusDays(1).toInstant());
		assertThat(posts.get(1).get("channelIds").get(0).asString()).isEqualTo(channelId);
	}

	@Test
	void aQueueRequestRepeatedWithItsIdempotencyKeyAnswersWithTheFirstPostsAndPlacesNothing() {
		String second = connect("keyed.test", "Keyed");
		ZonedDateTime first = slotTwoHoursAhead();
		everyDayAt(channelId, first);
		everyDayAt(second, first.plusHours(1));
		Map<String, Object> body = Map.of("text", "Queued once", "channelIds", List.of(channelId, second));
		Map<String, String> key = Map.of("Idempotency-Key", "queue-once-1");

		Api.Response made = api.postWithHeaders("/api/v1/queue", token, body, key);
		assertThat(made.status()).isEqualTo(201);
		assertThat(made.json().get("posts")).hasSize(2);
		Api.Response again = api.postWithHeaders("/api/v1/queue", token, body, key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("posts").findValuesAsString("id"))
			.isEqualTo(made.json().get("posts").findValuesAsString("id"));
		assertThat(again.json().get("posts").findValuesAsString("scheduledAt"))
			.isEqualTo(made.json().get("posts").findValuesAsString("scheduledAt"));

		// the slots were taken once: a request without the key goes a day later
		assertThat(scheduledAt(api.post("/api/v1/queue", token, Map.of("text", "Next", "channelIds",
				List.of(channelId))))).isEqualTo(first.plusDays(1).toInstant());

		Api.Response reused = api.postWithHeaders("/api/v1/queue", token, Map.of("text", "Something else",
				"channelIds", List.of(channelId, second)), key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(fields(reused)).containsExactly("Idempotency-Key");
		assertThat(api.postWithHeaders("/api/v1/queue", token, body, Map.of("Idempotency-Key", " ")).status())
			.isEqualTo(422);
	}

	@Test
	void aChannelWithoutSlotsOrAMessageTheNetworkRefusesMakesNothing() {
		Api.Response noSlots = api.post("/api/v1/queue", token, Map.of("text", "Where to?", "channelIds",
				List.of(channelId)));
		assertThat(noSlots.status()).isEqualTo(422);
		JsonNode error = noSlots.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("channelIds");
		assertThat(error.get("message").asString()).contains("Brand").contains("posting slots");

		everyDayAt(channelId, slotTwoHoursAhead());
		Api.Response tooLong = api.post("/api/v1/queue", token, Map.of("text", "ab".repeat(151), "channelIds",
				List.of(channelId)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(fields(tooLong)).containsExactly("variants[0].text");
		assertThat(fields(api.post("/api/v1/queue", token, Map.of("text", "Nowhere", "channelIds", List.of()))))
			.containsExactly("channelIds");
		assertThat(postRows()).isZero();
	}

	@Test
	void anEvergreenPostIsCopiedIntoTheNextFreeSlotUntilItHasComeRoundAsOftenAsAsked() {
		BlueskyAnswers.recordsAreWritten(pds, did("brand.test"));
		String original = publishedPost("Our guide to spring planting 🌱");
		ZonedDateTime first = slotTwoHoursAhead();
		everyDayAt(channelId, first);

		Api.Response started = api.post("/api/v1/posts/" + original + "/evergreen", token,
				Map.of("everyDays", 30, "maxTimes", 2));
		assertThat(started.status()).isEqualTo(201);
		assertThat(started.header("Location")).isEqualTo("/api/v1/posts/" + original + "/evergreen");
		Instant publishedAt = Instant.parse(api.get("/api/v1/posts/" + original, token).json().get("variants").get(0)
			.get("publishedAt").asString());
		assertThat(Instant.parse(started.json().get("nextRecycleAt").asString()))
			.isEqualTo(publishedAt.plus(Duration.ofDays(30)));
		assertThat(started.json().get("timesRecycled").asInt()).isZero();
		assertThat(evergreen.recycleDue()).as("not due for a month").isZero();

		makeDue(original);
		evergreen.recycleDue();

		JsonNode once = api.get("/api/v1/posts/" + original + "/evergreen", token).json();
		assertThat(once.get("timesRecycled").asInt()).isEqualTo(1);
		assertThat(once.get("copies")).hasSize(1);
		String copyId = once.get("copies").get(0).get("postId").asString();
		JsonNode copy = api.get("/api/v1/posts/" + copyId, token).json();
		assertThat(copy.get("text").asString()).isEqualTo("Our guide to spring planting 🌱");
		assertThat(copy.get("status").asString()).isEqualTo("scheduled");
		assertThat(Instant.parse(copy.get("scheduledAt").asString())).isEqualTo(first.toInstant());
		assertThat(copy.get("variants").get(0).get("channelId").asString()).isEqualTo(channelId);
		assertThat(Instant.parse(once.get("nextRecycleAt").asString()))
			.isEqualTo(first.toInstant().plus(Duration.ofDays(30)));
		JsonNode upcoming = api.get("/api/v1/queue?channelId=" + channelId, token).json().get("items").get(0)
			.get("upcoming").get(0);
		assertThat(upcoming.get("postId").asString()).isEqualTo(copyId);
		assertThat(upcoming.get("recycledFrom").asString()).isEqualTo(original);

		Api.Response fewer = api.post("/api/v1/posts/" + original + "/evergreen", token,
				Map.of("everyDays", 30, "maxTimes", 1));
		assertThat(fields(fewer)).as("it has come round once already").containsExactly("maxTimes");

		makeDue(original);
		evergreen.recycleDue();

		assertThat(api.get("/api/v1/posts/" + original + "/evergreen", token).status())
			.as("recycled as often as asked, it stops").isEqualTo(404);
		List<String> copies = jdbc.sql("""
				select r.post_id::text from publishing.recycled_posts r join publishing.posts p on p.id = r.post_id
				where r.original_id = ? order by p.scheduled_at""").param(UUID.fromString(original))
			.query(String.class).list();
		assertThat(copies).hasSize(2).startsWith(copyId);
		assertThat(Instant.parse(api.get("/api/v1/posts/" + copies.get(1), token).json().get("scheduledAt")
			.asString())).as("the second copy takes the slot after the first").isEqualTo(first.plusDays(1).toInstant());
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("post.evergreen-started")
			.contains("post.recycled").contains("post.evergreen-stopped"));
	}

	@Test
	void aCopyThatCannotBeQueuedIsTriedAgainADayLaterAndItsStarterIsTold() {
		BlueskyAnswers.recordsAreWritten(pds, did("brand.test"));
		String original = publishedPost("Nowhere to go");
		assertThat(api.post("/api/v1/posts/" + original + "/evergreen", token, Map.of("everyDays", 7)).status())
			.isEqualTo(201);

		makeDue(original);
		Instant before = Instant.now();
		evergreen.recycleDue();

		JsonNode failed = api.get("/api/v1/posts/" + original + "/evergreen", token).json();
		assertThat(failed.get("timesRecycled").asInt()).isZero();
		assertThat(failed.get("lastError").asString()).contains("Brand").contains("posting slots");
		assertThat(Instant.parse(failed.get("nextRecycleAt").asString()))
			.isBetween(before.plus(Duration.ofDays(1)).minusSeconds(1), Instant.now().plus(Duration.ofDays(1)));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/notifications", token).json().get("items").findValuesAsString("messageKey"))
			.contains("notice.evergreen.failed"));

		everyDayAt(channelId, slotTwoHoursAhead());
		makeDue(original);
		evergreen.recycleDue();
		JsonNode recycled = api.get("/api/v1/posts/" + original + "/evergreen", token).json();
		assertThat(recycled.get("timesRecycled").asInt()).isEqualTo(1);
		assertThat(recycled.get("lastError").isNull()).isTrue();
	}

	@Test
	void evergreenSettingsAreCheckedAndOnlyAPublishedPostQualifies() {
		BlueskyAnswers.recordsAreWritten(pds, did("brand.test"));
		String draft = api.post("/api/v1/posts", token, Map.of("text", "Still a draft", "channelIds",
				List.of(channelId))).json().get("id").asString();
		assertThat(api.post("/api/v1/posts/" + draft + "/evergreen", token, Map.of("everyDays", 30)).status())
			.isEqualTo(409);

		String published = publishedPost("Out there");
		String path = "/api/v1/posts/" + published + "/evergreen";
		assertThat(fields(api.post(path, token, Map.of("everyDays", 6)))).containsExactly("everyDays");
		assertThat(fields(api.post(path, token, Map.of()))).containsExactly("everyDays");
		assertThat(fields(api.post(path, token, Map.of("everyDays", 30, "maxTimes", 0, "endsOn", "2020-01-01"))))
			.containsExactly("maxTimes", "endsOn");
		assertThat(fields(api.post(path, token, Map.of("everyDays", 30, "endsOn", "next week"))))
			.containsExactly("endsOn");

		assertThat(api.post(path, token, Map.of("everyDays", 30)).status()).isEqualTo(201);
		Api.Response changed = api.post(path, token, Map.of("everyDays", 14, "endsOn", "2099-12-31"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("everyDays").asInt()).isEqualTo(14);
		assertThat(changed.json().get("endsAt").asString()).startsWith("2100-01-01");
		assertThat(api.get("/api/v1/evergreen", token).json().get("items").findValuesAsString("postId"))
			.containsExactly(published);

		assertThat(api.delete(path, token).status()).isEqualTo(204);
		assertThat(api.get(path, token).status()).isEqualTo(404);
		assertThat(api.delete(path, token).status()).isEqualTo(404);
	}

	@Test
	void anotherWorkspaceReachesNoneOfIt() {
		BlueskyAnswers.recordsAreWritten(pds, did("brand.test"));
		String published = publishedPost("Ours alone");
		everyDayAt(channelId, slotTwoHoursAhead());
		api.post("/api/v1/posts/" + published + "/evergreen", token, Map.of("everyDays", 30));

		Membership elsewhere = world.workspace("elsewhere");
		String theirs = world.token(world.owner(elsewhere), elsewhere);
		assertThat(api.get(slotsOf(channelId), theirs).status()).isEqualTo(404);
		assertThat(api.putJson(slotsOf(channelId), theirs, Map.of("timeZone", "UTC", "slots", List.of())).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/queue?channelId=" + channelId, theirs).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/queue", theirs).raw().body()).doesNotContain(channelId);
		Api.Response borrowed = api.post("/api/v1/queue", theirs, Map.of("text", "Borrowed slot", "channelIds",
				List.of(channelId)));
		assertThat(borrowed.status()).isEqualTo(422);
		assertThat(fields(borrowed)).containsExactly("channelIds");
		String evergreenPath = "/api/v1/posts/" + published + "/evergreen";
		assertThat(api.get(evergreenPath, theirs).status()).isEqualTo(404);
		assertThat(api.post(evergreenPath, theirs, Map.of("everyDays", 30)).status()).isEqualTo(404);
		assertThat(api.delete(evergreenPath, theirs).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/evergreen", theirs).raw().body()).doesNotContain(published);

		assertThat(api.get(slotsOf(channelId), token).json().get("slots")).hasSize(7);
		assertThat(api.get(evergreenPath, token).json().get("everyDays").asInt()).isEqualTo(30);
		assertThat(postRows()).as("only the published post; nothing was queued").isEqualTo(1);
	}

	private String connect(String handle, String displayName) {
		String did = did(handle);
		BlueskyAnswers.account(pds, did, handle, displayName);
		Api.Response connected = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl",
				pds.baseUrl(), "handle", handle, "appPassword", "abcd-efgh-ijkl-mnop"));
		assertThat(connected.status()).isEqualTo(201);
		return connected.json().get("id").asString();
	}

	private final Map<String, String> dids = new java.util.HashMap<>();

	private String did(String handle) {
		return dids.computeIfAbsent(handle, h -> BlueskyAnswers.newDid());
	}

	private String publishedPost(String text) {
		String id = api.post("/api/v1/posts", token, Map.of("text", text, "channelIds", List.of(channelId),
				"publishNow", true)).json().get("id").asString();
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/posts/" + id, token).json().get("status").asString(), "published"::equals);
		return id;
	}

	/** A slot time about two hours from now, in Copenhagen: the next occurrence of it is today's (or tonight's). */
	private static ZonedDateTime slotTwoHoursAhead() {
		return Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES).atZone(COPENHAGEN);
	}

	private void everyDayAt(String channel, ZonedDateTime at) {
		String time = at.toLocalTime().toString();
		List<Map<String, String>> slots = new ArrayList<>();
		Arrays.stream(DayOfWeek.values()).forEach(day -> slots.add(slot(day.name(), time)));
		assertThat(api.putJson(slotsOf(channel), token, Map.of("timeZone", COPENHAGEN.getId(), "slots", slots))
			.status()).isEqualTo(200);
	}

	private void makeDue(String post) {
		jdbc.sql("update publishing.evergreen set next_due_at = now() - interval '1 minute' where post_id = ?")
			.param(UUID.fromString(post)).update();
	}

	private static Instant scheduledAt(Api.Response queued) {
		assertThat(queued.status()).isEqualTo(201);
		return Instant.parse(queued.json().get("posts").get(0).get("scheduledAt").asString());
	}

	private static String slotsOf(String channel) {
		return "/api/v1/channels/" + channel + "/slots";
	}

	private static Map<String, String> slot(String day, String time) {
		return Map.of("day", day, "time", time);
	}

	private static List<String> fields(Api.Response response) {
		assertThat(response.status()).isEqualTo(422);
		return response.json().get("errors").findValuesAsString("field");
	}

	private int postRows() {
		return jdbc.sql("select count(*) from publishing.posts where workspace_id = ?")
			.param(workspace.workspaceId().value()).query(Integer.class).single();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asString()));
		return texts;
	}
}
