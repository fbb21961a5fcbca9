package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.database.DbTestSupport;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Chorus processes on one PostgreSQL database, as a scaled-out installation runs them: each its own JVM with its
 * own scheduler, both pointed at the same server with CHORUS_DB_URL and sharing the master key. Two hundred posts on
 * ten Bluesky channels, all due at the same instant and all made through the first node's API, go out once each: the PDS (WireMock) sees every record key written exactly once, and both nodes did part of the work.
 */
class TwoInstancesIntegrationTests {

	static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	static final int CHANNELS = 10;
	static final int POSTS = 200;
	static final Duration START = Duration.ofSeconds(75);
	/** How long the PDS takes to write a record, as a real one takes a while. */
	static final Duration WRITE_TAKES = Duration.ofMillis(200);
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String EMAIL = "owner@two-nodes.example";
	static final String PASSWORD = "correct horse battery";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64)).build();

	Path root;
	EmbeddedPostgres database;
	JdbcClient jdbc;
	final List<ChorusProcess> nodes = new ArrayList<>();

	@BeforeEach
	void oneDatabaseForTwoNodes() throws Exception {
		root = DbTestSupport.freshFolder();
		// the operator's own PostgreSQL server, which both nodes share
		database = EmbeddedPostgres.builder().start();
		jdbc = JdbcClient.create(database.getPostgresDatabase());
	}

	@AfterEach
	void stopEverything() throws Exception {
		nodes.forEach(ChorusProcess::close);
		if (database != null) {
			database.close();
		}
		DbTestSupport.deleteQuietly(root);
	}

	@Test
	void everyDuePostIsPublishedOnceAndBothNodesShareTheWork() throws Exception {
		startTwoNodes();
		ChorusProcess a = nodes.get(0);
		ChorusProcess b = nodes.get(1);
		Api api = a.api();
		String token = api.post("/api/v1/auth/tokens", null, Map.of("email", EMAIL, "password", PASSWORD,
				"scopes", List.of("admin"))).json()
			.get("token").asString();

		Map<String, String> didOfChannel = new LinkedHashMap<>();
		BlueskyAnswers.recordsAreWrittenToTheirRepositories(pds, WRITE_TAKES);
		for (int i = 0; i < CHANNELS; i++) {
			String did = BlueskyAnswers.newDid();
			String handle = "brand-" + i + ".test";
			BlueskyAnswers.oneOfManyAccounts(pds, did, handle);
			Api.Response connected = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl",
					pds.baseUrl(), "handle", handle, "appPassword", "abcd-efgh-ijkl-mnop"));
			assertThat(connected.status()).as(connected.raw().body()).isEqualTo(201);
			didOfChannel.put(connected.json().get("id").asString(), did);
		}
		List<String> channelIds = List.copyOf(didOfChannel.keySet());

		// All due at the same instant, far enough ahead for every one to be made first. The node that polls first
		// after it locks a batch (four times its threads) and comes back for more whenever its queue runs low; the
		// other node's next poll, within a second, finds what is left, because one node's ten threads cannot write
		// more than 50 records a second at 200 ms a write. (With instant writes a fast machine could drain the lot
		// before the other node polls; spread thinly over several seconds, the load can fall entirely to whichever
		// node polls first after each due time.)
		Instant due = Instant.now().plusSeconds(15);
		List<String> postIds = createPosts(api, token, channelIds, due);
		assertThat(Instant.now()).as("all posts were made before they were due").isBefore(due);

		Awaitility.await("all variants published").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> jdbc.sql("select count(*) from publishing.variants where status = 'published'")
				.query(Integer.class).single(), published -> published == POSTS);

		// read back through the other node: the same database answers
		Map<String, String> rkeyOfPost = new HashMap<>();
		for (String id : postIds) {
			JsonNode post = b.api().get("/api/v1/posts/" + id, token).json();
			assertThat(post.get("status").asString()).as("post %s", id).isEqualTo("published");
			JsonNode variant = post.get("variants").get(0);
			String remoteId = variant.get("remoteId").asString();
			assertThat(remoteId).startsWith("at://" + didOfChannel.get(variant.get("channelId").asString())
					+ "/app.bsky.feed.post/");
			rkeyOfPost.put(id, remoteId.substring(remoteId.lastIndexOf('/') + 1));
		}

		Map<String, Long> writesPerRkey = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))).stream()
			.map(request -> JSON.readTree(request.getBodyAsString()).get("rkey").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(writesPerRkey).as("one write per post, no record key twice").hasSize(POSTS)
			.allSatisfy((rkey, writes) -> assertThat(writes).as("writes of %s", rkey).isEqualTo(1));
		assertThat(writesPerRkey.keySet()).as("every post's record reached the PDS")
			.containsExactlyInAnyOrderElementsOf(rkeyOfPost.values());

		assertThat(jdbc.sql("select count(*) from publishing.attempts").query(Integer.class).single())
			.as("one attempt per variant").isEqualTo(POSTS);
		Map<String, Integer> attemptsPerNode = new HashMap<>();
		jdbc.sql("""
				select node, count(*), min(started_at), max(finished_at) from publishing.attempts
				where outcome = 'published' group by node""")
			.query(rs -> {
				attemptsPerNode.put(rs.getString(1), rs.getInt(2));
				System.out.printf("Node %s published %d, from %s to %s (due %s)%n", rs.getString(1),
						rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), due);
			});
		assertThat(attemptsPerNode).as("published attempts per node").hasSize(2);
		assertThat(attemptsPerNode.keySet()).anySatisfy(node -> assertThat(node).endsWith(":" + a.pid()))
			.anySatisfy(node -> assertThat(node).endsWith(":" + b.pid()));
	}

	/** Both nodes start together, as two replicas of one deployment do. */
	private void startTwoNodes() throws Exception {
		Path keyFile = MasterKey.load(null, root.resolve("key")).location();
		String url = database.getJdbcUrl("postgres", "postgres");
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			List<Future<ChorusProcess>> started = new ArrayList<>();
			for (String node : List.of("a", "b")) {
				Map<String, String> settings = new LinkedHashMap<>();
				settings.put("chorus.db.url", url);
				settings.put("chorus.db.user", "postgres");
				settings.put("chorus.db.password", "");
				settings.put("chorus.master-key-file", keyFile.toString());
				settings.put("chorus.data-dir", root.resolve("node-" + node).toString());
				settings.put("chorus.admin.email", EMAIL);
				settings.put("chorus.admin.password", PASSWORD);
				settings.put("db-scheduler.scheduler-name", "chorus-" + node);
				started.add(starting.submit(() -> ChorusProcess.start(root.resolve("node-" + node + ".log"), settings,
						START)));
			}
			Throwable failure = null;
			for (Future<ChorusProcess> node : started) {
				try {
					nodes.add(node.get(START.toSeconds() + 30, TimeUnit.SECONDS));
				}
				catch (java.util.concurrent.ExecutionException e) {
					failure = failure == null ? e.getCause() : failure;
				}
			}
			if (failure != null) {
				throw new AssertionError("a node did not start", failure);
			}
		}
		finally {
			starting.shutdownNow();
		}
	}

	/** Posts through the node's API from a few clients at once, each on one channel, round the channels. */
	private static List<String> createPosts(Api api, String token, List<String> channelIds, Instant due) {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<String>> created = new ArrayList<>();
			for (int i = 0; i < POSTS; i++) {
				int n = i;
				created.add(CompletableFuture.supplyAsync(() -> {
					Api.Response response = api.post("/api/v1/posts", token, Map.of("text", "Burst post " + n,
							"channelIds", List.of(channelIds.get(n % channelIds.size())), "scheduledAt",
							due.toString()));
					assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
					return response.json().get("id").asString();
				}, clients));
			}
			return created.stream().map(CompletableFuture::join).toList();
		}
		finally {
			clients.shutdownNow();
		}
	}
}
