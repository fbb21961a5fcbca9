package app.chorus.publishing.queues;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * The queue page as people use it (forms, without a browser): slots saved per day with mistakes shown, a post added to
 * the queue, a published post made evergreen and stopped; read-only for a viewer; another workspace's channels absent.
 */
@ChorusIntegrationTest
class QueuePagesIntegrationTests {

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	Api api;
	Membership workspace;
	String token;
	String channel;
	String did;

	@BeforeEach
	void aWorkspaceWithABlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("queue-pages");
		token = world.token(world.owner(workspace), workspace);
		did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "harbour.test", "Harbour Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", "harbour.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
	}

	@Test
	void slotsAreSavedPerDayAndAPostIsAddedToTheQueue() {
		WebClient web = signedIn(world.owner(workspace));
		String page = web.get("/queue").body();
		assertThat(page).contains("Harbour Brand").contains("No posting slots yet.")
			.contains("No channel has posting slots yet.");

		WebClient.Page refused = web.post(slotsForm(), Map.of("timeZone", "Europe/Copenhagen",
				"MONDAY", "09:30, 17:00", "FRIDAY", "8:00"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Give the time as HH:mm, such as 09:30.").contains("value=\"8:00\"");
		assertThat(api.get("/api/v1/channels/" + channel + "/slots", token).json().get("slots")).isEmpty();

		WebClient.Page saved = web.post(slotsForm(), Map.of("timeZone", "Europe/Copenhagen",
				"MONDAY", "09:30, 17:00", "FRIDAY", "08:00"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/queue");
		String after = web.get("/queue").body();
		assertThat(after).contains("The posting slots are saved.").contains("Slot times are in Europe/Copenhagen time.")
			.contains("value=\"09:30, 17:00\"").contains("value=\"08:00\"");
		assertThat(api.get("/api/v1/channels/" + channel + "/slots", token).json().get("slots")
			.findValuesAsString("time")).containsExactly("09:30", "17:00", "08:00");

		WebClient.Page nowhere = web.post("/queue", Map.of("text", "Where to?"));
		assertThat(nowhere.status()).isEqualTo(200);
		assertThat(nowhere.body()).contains("Choose at least one channel to publish to.");

		WebClient.Page queued = web.post("/queue", List.of(Map.entry("text", "Harbour tours start in May"),
				Map.entry("channelIds", channel)));
		assertThat(queued.status()).isEqualTo(302);
		String withPost = web.get("/queue").body();
		assertThat(withPost).contains("The post is in the queue.").contains("Harbour tours start in May");
	}

	@Test
	void aPublishedPostIsMadeEvergreenAndStopped() {
		String published = api.post("/api/v1/posts", token, Map.of("text", "Visit the lighthouse", "channelIds",
				List.of(channel), "publishNow", true)).json().get("id").asString();
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/posts/" + published, token).json().get("status").asString(),
					"published"::equals);
		WebClient web = signedIn(world.owner(workspace));
		assertThat(web.get("/queue").body()).contains("No evergreen posts yet.")
			.contains("value=\"" + published + "\"");

		WebClient.Page tooOften = web.post("/queue/evergreen", Map.of("postId", published, "everyDays", "3"));
		assertThat(tooOften.status()).isEqualTo(200);
		assertThat(tooOften.body()).contains("Choose from 7 to 3,650 days.");

		assertThat(web.post("/queue/evergreen", Map.of("postId", published, "everyDays", "30", "maxTimes", "4"))
			.status()).isEqualTo(302);
		String listed = web.get("/queue").body();
		assertThat(listed).contains("The post is evergreen.").contains("every 30 days").contains("0 of 4")
			.contains("/queue/evergreen/" + published + "/stop");

		assertThat(web.post("/queue/evergreen/" + published + "/stop", Map.of()).status()).isEqualTo(302);
		assertThat(web.get("/queue").body()).contains("The post is no longer evergreen.")
			.contains("No evergreen posts yet.");
	}

	@Test
	void aViewerSeesTheQueueButCannotChangeIt() {
		api.putJson("/api/v1/channels/" + channel + "/slots", token, Map.of("timeZone", "UTC", "slots",
				List.of(Map.of("day", "TUESDAY", "time", "11:15"))));
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		WebClient web = signedIn(viewer);
		String page = web.get("/queue").body();
		assertThat(page).contains("Harbour Brand").contains("11:15").doesNotContain("action=\"/queue\"")
			.doesNotContain(slotsForm()).doesNotContain("/queue/evergreen");
		assertThat(web.post(slotsForm(), Map.of("timeZone", "UTC", "MONDAY", "09:00")).status()).isEqualTo(403);
		assertThat(web.post("/queue", List.of(Map.entry("text", "Sneaky"), Map.entry("channelIds", channel)))
			.status()).isEqualTo(403);
	}

	@Test
	void anotherWorkspaceSeesNoneOfOurChannels() {
		Membership elsewhere = world.workspace("elsewhere");
		WebClient theirs = signedIn(world.owner(elsewhere));
		assertThat(theirs.get("/queue").body()).doesNotContain("Harbour Brand").doesNotContain(channel);
		assertThat(theirs.post(slotsForm(), Map.of("timeZone", "UTC", "MONDAY", "09:00")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/channels/" + channel + "/slots", token).json().get("timeZone").isNull()).isTrue();
	}

	private String slotsForm() {
		return "/queue/channels/" + channel + "/slots";
	}

	private WebClient signedIn(UserAccount person) {
		WebClient client = new WebClient(port);
		assertThat(client.signIn(person.email(), TestWorld.PASSWORD).status()).isEqualTo(302);
		return client;
	}
}
