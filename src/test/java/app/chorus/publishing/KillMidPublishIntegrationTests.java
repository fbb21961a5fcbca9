package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.ChorusApplication;
import app.chorus.shared.database.DbTestSupport;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chorus killed with kill -9 while its calls to the network are in flight, then started again on the same data folder
 * (its embedded PostgreSQL included): no post is lost, none is doubled, and what was left mid-call is settled by the
 * network's idempotency. On Bluesky, whose record key comes from the idempotency key, the calls are sent again with the
 * same key and every post ends published with one record. On a network without idempotency, the posts whose call was
 * cut off wait for a person ("needs confirmation") and are never sent again.
 * <p>
 * The network answers writes only after twenty seconds, so the process dies with every publishing thread waiting for
 * an answer; fifteen posts on ten threads also leave five that were fetched by the scheduler but not yet begun.
 * Heartbeats every two seconds let the restarted process notice the dead executions within seconds.
 */
class KillMidPublishIntegrationTests {

	static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
	static final String CREATE_TWEET = "/2/tweets";
	static final int POSTS = 15;
	/** db-scheduler's threads (application.yml): as many publishes are in flight at once. */
	static final int THREADS = 10;
	static final Duration SLOW_ANSWER = Duration.ofSeconds(20);
	static final Duration START = Duration.ofSeconds(75);
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String EMAIL = "owner@kill.example";
	static final String PASSWORD = "correct horse battery";

	@RegisterExtension
	static WireMockExtension network = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64)).build();

	Path root;
	Path data;
	ChorusProcess chorus;

	@BeforeEach
	void freshDataFolder() throws Exception {
		root = DbTestSupport.freshFolder();
		data = root.resolve("data");
	}

	@AfterEach
	void stopEverything() throws Exception {
		if (chorus != null) {
			chorus.close();
		}
		// the killed JVM's PostgreSQL outlives it
		DbTestSupport.stopLeftoverPostmaster(data, null);
		DbTestSupport.deleteQuietly(root);
	}

	@Test
	void onBlueskyWhatWasCutOffIsSentAgainWithTheSameRecordKeyAndEveryPostGoesOutOnce() {
		BlueskyAnswers.recordsAreWrittenToTheirRepositories(network, SLOW_ANSWER);
		chorus = start(ChorusApplication.class, "first");
		Api api = chorus.api();
		String token = token(api);
		List<String> channels = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String did = BlueskyAnswers.newDid();
			BlueskyAnswers.oneOfManyAccounts(network, did, "kill-" + i + ".test");
			channels.add(connect(api, token, "bluesky", "kill-" + i + ".test"));
		}
		List<String> posts = publishNow(api, token, channels);

		Set<String> cutOff = awaitInFlight(CREATE_RECORD).stream().map(body -> body.get("rkey").asString())
			.collect(Collectors.toSet());
		long firstPid = chorus.pid();
		chorus.kill();

		BlueskyAnswers.recordsAreWrittenToTheirRepositories(network, Duration.ZERO);
		chorus = start(ChorusApplication.class, "second");
		Map<String, JsonNode> settled = awaitSettled(chorus.api(), token, posts);

		Map<String, String> rkeyOfPost = new LinkedHashMap<>();
		settled.forEach((id, post) -> {
			assertThat(post.get("status").asString()).as("post %s", id).isEqualTo("published");
			String remoteId = post.get("variants").get(0).get("remoteId").asString();
			rkeyOfPost.put(id, remoteId.substring(remoteId.lastIndexOf('/') + 1));
		});
		List<JsonNode> writes = bodies(CREATE_RECORD);
		Map<String, Long> writesPerRkey = writes.stream().map(body -> body.get("rkey").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(writesPerRkey.keySet()).as("one record per post, and no other")
			.containsExactlyInAnyOrderElementsOf(rkeyOfPost.values());
		writesPerRkey.forEach((rkey, count) -> assertThat(count)
			.as("writes of %s (cut off by the kill: %s)", rkey, cutOff.contains(rkey))
			.isEqualTo(cutOff.contains(rkey) ? 2 : 1));
		for (String rkey : cutOff) {
			assertThat(writes.stream().filter(body -> body.get("rkey").asString().equals(rkey))
				.map(body -> body.get("record").get("text").asString()).distinct())
				.as("both writes of %s carry the same post", rkey).hasSize(1);
		}

		long secondPid = chorus.pid();
		settled.forEach((id, post) -> {
			boolean wasCutOff = cutOff.contains(rkeyOfPost.get(id));
			List<JsonNode> attempts = attempts(chorus.api(), token, id, post);
			if (wasCutOff) {
				assertThat(attempts).as("attempts of %s", id).hasSize(2);
				assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("lost");
				assertThat(attempts.get(0).get("node").asString()).endsWith(":" + firstPid);
			}
			else {
				assertThat(attempts).as("attempts of %s", id).hasSize(1);
			}
			JsonNode last = attempts.getLast();
			assertThat(last.get("outcome").asString()).isEqualTo("published");
			assertThat(last.get("node").asString()).endsWith(":" + secondPid);
		});
	}

	/**
	 * {@link NetworkWithoutIdempotency} stands in for such a network. (Mastodon keeps an Idempotency-Key for an hour,
	 * and nothing but waiting an hour or faking the clock would take its window away.)
	 */
	@Test
	void onANetworkWithoutIdempotencyWhatWasCutOffWaitsForConfirmationAndIsNeverSentAgain() {
		network.stubFor(post(CREATE_TWEET).willReturn(tweetCreated().withFixedDelay((int) SLOW_ANSWER.toMillis())));
		chorus = start(ChorusWithoutIdempotency.class, "first");
		Api api = chorus.api();
		String token = token(api);
		List<String> channels = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			channels.add(connect(api, token, "x", "kill-" + i));
		}
		List<String> posts = publishNow(api, token, channels);

		Set<String> cutOff = awaitInFlight(CREATE_TWEET).stream().map(body -> body.get("text").asString())
			.collect(Collectors.toSet());
		long firstPid = chorus.pid();
		chorus.kill();

		network.stubFor(post(CREATE_TWEET).willReturn(tweetCreated()));
		chorus = start(ChorusWithoutIdempotency.class, "second");
		Map<String, JsonNode> settled = awaitSettled(chorus.api(), token, posts);

		Map<String, Long> sendsPerText = bodies(CREATE_TWEET).stream().map(body -> body.get("text").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(sendsPerText).as("no post sent twice").allSatisfy((text, sends) -> assertThat(sends).isEqualTo(1));
		settled.forEach((id, post) -> {
			String text = post.get("text").asString();
			JsonNode variant = post.get("variants").get(0);
			List<JsonNode> attempts = attempts(chorus.api(), token, id, post);
			if (cutOff.contains(text)) {
				assertThat(post.get("status").asString()).as("post %s, cut off", id).isEqualTo("needs_confirmation");
				assertThat(variant.get("status").asString()).isEqualTo("needs_confirmation");
				assertThat(variant.get("errorKey").asString()).isEqualTo("publishing.error.answer-lost");
				assertThat(variant.get("error").asString()).contains("answer");
				assertThat(attempts).as("attempts of %s", id).hasSize(1);
				assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("lost");
				assertThat(attempts.get(0).get("node").asString()).endsWith(":" + firstPid);
			}
			else {
				assertThat(post.get("status").asString()).as("post %s, not begun", id).isEqualTo("published");
				assertThat(sendsPerText).as("sends of %s", text).containsEntry(text, 1L);
				assertThat(attempts).as("attempts of %s", id).hasSize(1);
			}
		});
		assertThat(sendsPerText.keySet()).as("every post reached the network once: before the crash or after it")
			.hasSize(POSTS);
	}

	private ChorusProcess start(Class<?> main, String name) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("chorus.data-dir", data.toString());
		settings.put("chorus.admin.email", EMAIL);
		settings.put("chorus.admin.password", PASSWORD);
		settings.put("chorus.publishing.first-retry", "PT1S");
		// a node that stops beating is dead after four missed heartbeats: eight seconds
		settings.put("db-scheduler.heartbeat-interval", "2s");
		return ChorusProcess.start(root.resolve(name + ".log"), main, settings, START);
	}

	private static String token(Api api) {
		Api.Response issued = api.post("/api/v1/auth/tokens", null, Map.of("email", EMAIL, "password", PASSWORD,
				"scopes", List.of("admin")));
		assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}

	private String connect(Api api, String token, String networkKey, String handle) {
		Api.Response connected = api.post("/api/v1/channels", token, Map.of("network", networkKey, "pdsUrl",
				network.baseUrl(), "handle", handle, "appPassword", "abcd-efgh-ijkl-mnop"));
		assertThat(connected.status()).as(connected.raw().body()).isEqualTo(201);
		return connected.json().get("id").asString();
	}

	private static List<String> publishNow(Api api, String token, List<String> channels) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < POSTS; i++) {
			Api.Response created = api.post("/api/v1/posts", token, Map.of("text", "Post " + i + " before the crash",
					"channelIds", List.of(channels.get(i % channels.size())), "publishNow", true));
			assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
			ids.add(created.json().get("id").asString());
		}
		return ids;
	}

	/** Waits until every publishing thread is waiting for the network, and returns what they sent. */
	private List<JsonNode> awaitInFlight(String path) {
		Awaitility.await("calls in flight").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
			.until(() -> network.findAll(postRequestedFor(urlPathEqualTo(path))).size() >= THREADS);
		List<JsonNode> inFlight = bodies(path);
		assertThat(inFlight).as("one call per thread, none answered yet").hasSize(THREADS);
		return inFlight;
	}

	private static List<JsonNode> bodies(String path) {
		return network.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
			.map(request -> JSON.readTree(request.getBodyAsString())).toList();
	}

	/** Waits until no post is waiting or being published any more, and returns them as the API shows them. */
	private static Map<String, JsonNode> awaitSettled(Api api, String token, List<String> ids) {
		Map<String, JsonNode> settled = new LinkedHashMap<>();
		Awaitility.await("every post settled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> {
				for (String id : ids) {
					JsonNode post = api.get("/api/v1/posts/" + id, token).json();
					String status = post.path("status").asString("");
					if (!status.equals("published") && !status.equals("needs_confirmation")) {
						return false;
					}
					settled.put(id, post);
				}
				return true;
			});
		return settled;
	}

	private static List<JsonNode> attempts(Api api, String token, String postId, JsonNode post) {
		String variant = post.get("variants").get(0).get("id").asString();
		List<JsonNode> items = new ArrayList<>();
		api.get("/api/v1/posts/" + postId + "/variants/" + variant + "/attempts", token).json().get("items")
			.forEach(items::add);
		return items;
	}

	private static ResponseDefinitionBuilder tweetCreated() {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
			.withTransformers("response-template")
			.withBody("{\"data\":{\"id\":\"{{randomValue length=19 type='NUMERIC'}}\",\"text\":"
					+ "\"{{jsonPath request.body '$.text'}}\"}}");
	}
}
