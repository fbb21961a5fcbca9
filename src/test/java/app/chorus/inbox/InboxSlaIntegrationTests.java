package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import app.chorus.channels.ChannelId;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.inbox.internal.SlaWatch;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * SLA policies end to end: a workspace's targets in its business hours (across a weekend and the change from summer
 * time), a team's own policy in another time zone, the SLA filter, alerts sent once per level, and the clock that
 * stops when we answer.
 */
@ChorusIntegrationTest
class InboxSlaIntegrationTests {

	static final Instant T = Instant.now().minusSeconds(600);
	/** Friday 23 October 2026, 16:00 in Copenhagen (summer time, UTC+2). */
	static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-10-23T14:00:00Z");
	static final String CREATE = "/xrpc/com.atproto.repo.createRecord";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	SlaWatch watch;

	@Autowired
	JdbcClient jdbc;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	String old;
	String fresh;
	String channel;

	@BeforeEach
	void twoConversations() {
		api = new Api(port);
		workspace = world.workspace("sla");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		newest(pds, List.of(mention("s2", "where is my order?", T.plusSeconds(2)),
				mention("s1", "still waiting for the refund", T.plusSeconds(1))));
		channel = BlueskyNotifications.connectAndRead(api, token, pds, ingestion, workspace);
		List<String> ids = new ArrayList<>();
		api.get("/api/v1/inbox/conversations", token).json().get("items").forEach(c -> ids.add(c.get("id").asString()));
		assertThat(ids).hasSize(2);
		fresh = ids.get(0);
		old = ids.get(1);
		// the older one began on a Friday afternoon before the clocks went back
		jdbc.sql("""
				update inbox.conversations set created_at = ?, sla_started_at = ?, sla_stamped = false
				where id = ?""").params(Timestamp.from(FRIDAY_AFTERNOON), Timestamp.from(FRIDAY_AFTERNOON),
				UUID.fromString(old)).update();
	}

	private static Map<String, Object> weekdays(String zone, String open, String close, String firstResponse,
			String resolution) {
		List<Map<String, String>> hours = new ArrayList<>();
		for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
			hours.add(Map.of("day", day, "open", open, "close", close));
		}
		return Map.of("firstResponse", firstResponse, "resolution", resolution, "atRiskPercent", 75, "timeZone", zone,
				"openingHours", hours, "closedDays", List.of("2026-12-24"));
	}

	private JsonNode conversation(String id) {
		return api.get("/api/v1/inbox/conversations/" + id, token).json();
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		api.get("/api/v1/inbox/conversations?" + query, token).json().get("items")
			.forEach(c -> ids.add(c.get("id").asString()));
		return ids;
	}

	private List<String> noticeKeys(UserAccount person) {
		List<String> keys = new ArrayList<>();
		api.get("/api/v1/notifications", world.token(person, workspace)).json().get("items")
			.forEach(n -> keys.add(n.get("messageKey").asString() + " " + n.get("link").asString()));
		return keys;
	}

	@Test
	void withoutAPolicyTheClocksRunTwentyFourHoursAroundTheClock() {
		JsonNode policies = api.get("/api/v1/inbox/sla-policies", token).json().get("items");
		assertThat(policies).hasSize(1);
		assertThat(policies.get(0).get("configured").asBoolean()).isFalse();
		assertThat(policies.get(0).get("firstResponse").asString()).isEqualTo("PT24H");
		watch.sweep(Instant.now());
		JsonNode sla = conversation(old).get("sla");
		assertThat(sla.get("firstResponse").get("dueAt").asString()).isEqualTo("2026-10-24T14:00:00Z");
		assertThat(sla.get("state").asString()).isEqualTo("breached");
		assertThat(conversation(fresh).get("sla").get("state").asString()).isEqualTo("on-track");
	}

	/**
	 * A conversation's stored clock columns: whether stamped, then the first response's due time, the resolution's and
	 * the next alert's, in minutes after it was made.
	 */
	private String stamp(String id) {
		return jdbc.sql("""
				select sla_stamped || ' ' || coalesce(extract(epoch from first_response_due_at - created_at)::int / 60, -1)
				    || ' ' || coalesce(extract(epoch from resolution_due_at - created_at)::int / 60, -1)
				    || ' ' || coalesce(extract(epoch from sla_next_alert_at - created_at)::int / 60, -1)
				from inbox.conversations where id = ?""").param(UUID.fromString(id)).query(String.class).single();
	}

	@Test
	void aConversationIsStoredWithItsClocksStampedFromThePolicyAsItStands() {
		// no watch has run since the poll: the fresh conversation came in stamped with the default policy
		assertThat(stamp(fresh)).isEqualTo("true 1440 1440 1080");
		Api.Response set = api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				Map.of("firstResponse", "PT2H", "resolution", "PT8H", "atRiskPercent", 75));
		assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
		// the change stamps the conversations there already again (at the watch's next pass)...
		assertThat(stamp(fresh)).startsWith("false");
		watch.sweep(Instant.now());
		assertThat(stamp(fresh)).isEqualTo("true 120 480 90");

		// ...and one that comes in after it is stored with the new policy at once, which the watch leaves alone
		newest(pds, List.of(mention("s3", "hello again?", T.plusSeconds(3)), mention("s2", "where is my order?",
				T.plusSeconds(2))));
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20))).isTrue();
		String newest = ids("").getFirst();
		assertThat(newest).isNotIn(old, fresh);
		assertThat(stamp(newest)).isEqualTo("true 120 480 90");
		watch.sweep(Instant.now());
		assertThat(stamp(newest)).isEqualTo("true 120 480 90");
	}

	@Test
	void businessHoursCarryTheClockOverTheWeekendAndTheChangeOfTime() {
		Api.Response set = api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				weekdays("Europe/Copenhagen", "09:00", "17:00", "PT4H", "PT16H"));
		assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
		assertThat(set.json().get("configured").asBoolean()).isTrue();
		assertThat(set.json().get("openingHours")).hasSize(5);
		watch.sweep(Instant.now());

		JsonNode sla = conversation(old).get("sla");
		// one hour on Friday, three on Monday morning: Monday 12:00 in Copenhagen, now UTC+1
		assertThat(sla.get("firstResponse").get("dueAt").asString()).isEqualTo("2026-10-26T11:00:00Z");
		assertThat(sla.get("firstResponse").get("atRiskFrom").asString()).isEqualTo("2026-10-26T10:00:00Z");
		// one hour on Friday, eight on Monday, seven on Tuesday
		assertThat(sla.get("resolution").get("dueAt").asString()).isEqualTo("2026-10-27T15:00:00Z");
		assertThat(sla.get("state").asString()).isEqualTo("breached");
		assertThat(ids("sla=breached")).containsExactly(old);
		assertThat(ids("sla=on-track")).doesNotContain(old);
		assertThat(ids("sla=at-risk")).doesNotContain(old);

		// handed to a team in Seoul (UTC+9, no summer time): Friday 23:00 there is after hours, the clock starts
		// on Monday 09:00 in Seoul
		String team = api.post("/api/v1/teams", token, Map.of("name", "Seoul care")).json().get("id").asString();
		Api.Response teamPolicy = api.putJson("/api/v1/inbox/sla-policies/teams/" + team, token,
				weekdays("Asia/Seoul", "09:00", "18:00", "PT4H", "PT24H"));
		assertThat(teamPolicy.status()).as(teamPolicy.raw().body()).isEqualTo(200);
		assertThat(api.patch("/api/v1/inbox/conversations/" + old, token, Map.of("teamId", team)).json().get("teamId")
			.asString()).isEqualTo(team);
		watch.sweep(Instant.now());
		assertThat(conversation(old).get("sla").get("firstResponse").get("dueAt").asString())
			.isEqualTo("2026-10-26T04:00:00Z");
		assertThat(api.get("/api/v1/inbox/sla-policies", token).json().get("items")).hasSize(2);

		// without the team's own policy the workspace's applies again
		assertThat(api.delete("/api/v1/inbox/sla-policies/teams/" + team, token).status()).isEqualTo(204);
		Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			watch.sweep(Instant.now());
			assertThat(conversation(old).get("sla").get("firstResponse").get("dueAt").asString())
				.isEqualTo("2026-10-26T11:00:00Z");
		});
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.sla-policy."));
	}

	@Test
	void aBreachIsNotifiedOnceAndTheFirstResponseClockStopsOnOurReply() {
		UserAccount manager = world.member(workspace, "manager", Role.MANAGER);
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		watch.sweep(Instant.now());
		watch.sweep(Instant.now());
		String expected = "inbox.sla.notice.breached.first-response /inbox/conversations/" + old;
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(noticeKeys(owner)).containsOnlyOnce(expected);
			assertThat(noticeKeys(manager)).containsOnlyOnce(expected);
		});
		watch.sweep(Instant.now());
		assertThat(noticeKeys(owner)).containsOnlyOnce(expected);
		assertThat(noticeKeys(viewer)).isEmpty();
		assertThat(String.join(" ", noticeKeys(owner))).doesNotContain(fresh);

		Api.Response sent = api.post("/api/v1/inbox/conversations/" + old + "/replies", token,
				Map.of("text", "Sorry for the wait, looking now"));
		assertThat(sent.status()).as(sent.raw().body()).isEqualTo(201);
		watch.sweep(Instant.now());
		JsonNode sla = conversation(old).get("sla");
		// answered late: the first response is missed, and stopped; the resolution clock still runs
		assertThat(sla.get("firstResponse").get("state").asString()).isEqualTo("missed");
		assertThat(sla.get("resolution").get("state").asString()).isEqualTo("breached");
		long elapsed = sla.get("firstResponse").get("elapsedSeconds").asLong();
		watch.sweep(Instant.now().plusSeconds(5));
		assertThat(conversation(old).get("sla").get("firstResponse").get("elapsedSeconds").asLong())
			.isEqualTo(elapsed);

		// resolved, nothing runs; reopened by a new round, the clocks start again
		assertThat(api.patch("/api/v1/inbox/conversations/" + old, token, Map.of("status", "resolved")).status())
			.isEqualTo(200);
		watch.sweep(Instant.now());
		assertThat(ids("sla=breached")).doesNotContain(old);
		assertThat(conversation(old).get("sla").get("resolution").get("state").asString()).isEqualTo("missed");
	}

	@Test
	void policiesAreCheckedAndBelongToTheirWorkspace() {
		Api.Response noTarget = api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				Map.of("resolution", "PT8H"));
		assertThat(noTarget.status()).isEqualTo(422);
		assertThat(noTarget.json().get("errors").get(0).get("field").asString()).isEqualTo("firstResponse");
		assertThat(api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				Map.of("firstResponse", "four hours", "resolution", "PT8H")).json().get("errors").get(0).get("field")
			.asString()).isEqualTo("firstResponse");
		assertThat(api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				weekdays("Mars/Olympus", "09:00", "17:00", "PT1H", "PT8H")).json().get("errors").get(0).get("field")
			.asString()).isEqualTo("timeZone");
		assertThat(api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				weekdays("Europe/Copenhagen", "17:00", "09:00", "PT1H", "PT8H")).json().get("errors").get(0)
			.get("field").asString()).isEqualTo("openingHours");
		Api.Response share = api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				Map.of("firstResponse", "PT1H", "resolution", "PT8H", "atRiskPercent", 100));
		assertThat(share.json().get("errors").get(0).get("field").asString()).isEqualTo("atRiskPercent");

		UserAccount publisher = world.member(workspace, "publisher", Role.PUBLISHER);
		assertThat(api.putJson("/api/v1/inbox/sla-policies/workspace", world.token(publisher, workspace),
				Map.of("firstResponse", "PT1H", "resolution", "PT8H")).status()).isEqualTo(403);

		Membership other = world.workspace("slaother");
		UserAccount otherOwner = world.owner(other);
		String otherToken = world.token(otherOwner, other);
		String theirTeam = api.post("/api/v1/teams", otherToken, Map.of("name", "Theirs")).json().get("id")
			.asString();
		assertThat(api.putJson("/api/v1/inbox/sla-policies/teams/" + theirTeam, token,
				Map.of("firstResponse", "PT1H", "resolution", "PT8H")).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/inbox/conversations/" + old, token, Map.of("teamId", theirTeam)).status())
			.isEqualTo(422);
		assertThat(api.putJson("/api/v1/inbox/sla-policies/workspace", token,
				Map.of("firstResponse", "PT1H", "resolution", "PT8H")).status()).isEqualTo(200);
		JsonNode theirs = api.get("/api/v1/inbox/sla-policies", otherToken).json().get("items");
		assertThat(theirs).hasSize(1);
		assertThat(theirs.get(0).get("configured").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/inbox/conversations/" + old, otherToken).status()).isEqualTo(404);
	}
}
