package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live inbox: everyone with the inbox open hears of new messages, changed conversations and who else is on a
 * conversation as it happens, through PostgreSQL's NOTIFY and a Server-Sent Events stream; another workspace hears
 * nothing of it.
 */
@ChorusIntegrationTest
class LiveInboxIntegrationTests {

	static final Instant T = Instant.parse("2026-04-02T10:00:00Z");
	static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	Api api;
	Membership workspace;
	String token;
	String channel;
	final HttpClient http = HttpClient.newHttpClient();
	final List<InputStream> open = new java.util.ArrayList<>();

	@BeforeEach
	void aBlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("live");
		token = world.token(world.owner(workspace), workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		newest(pds, List.of());
		channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(), "handle",
				"brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
	}

	@AfterEach
	void closeStreams() throws Exception {
		for (InputStream stream : open) {
			stream.close();
		}
	}

	record Event(String name, JsonNode data) {
	}

	/** Opens the stream and reads its events on a thread of its own, after the first ({@code ready}). */
	private BlockingQueue<Event> stream(String bearer) throws Exception {
		HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/inbox/stream")).header("Authorization", "Bearer " + bearer)
			.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		open.add(response.body());
		BlockingQueue<Event> events = new LinkedBlockingQueue<>();
		Thread.ofVirtual().start(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
					StandardCharsets.UTF_8))) {
				String name = "message";
				StringBuilder data = new StringBuilder();
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							events.add(new Event(name, JSON.readTree(data.toString())));
						}
						name = "message";
						data.setLength(0);
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5).strip());
					}
				}
			}
			catch (Exception closed) {
				// the test closed the stream
			}
		});
		Event ready = events.poll(10, TimeUnit.SECONDS);
		assertThat(ready).isNotNull();
		assertThat(ready.name()).isEqualTo("ready");
		return events;
	}

	private static Event next(BlockingQueue<Event> events, String name) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until) {
			Event event = events.poll(200, TimeUnit.MILLISECONDS);
			if (event != null && event.name().equals(name)) {
				return event;
			}
		}
		throw new AssertionError("no " + name + " event within 10 s");
	}

	@Test
	void aNewMessageAndAChangedConversationReachEveryOpenStreamOfTheWorkspaceOnly() throws Exception {
		BlockingQueue<Event> mine = stream(token);
		BlockingQueue<Event> colleague = stream(world.token(world.member(workspace, "live-colleague",
				Role.PUBLISHER), workspace));
		Membership other = world.workspace("live-other");
		BlockingQueue<Event> elsewhere = stream(world.token(world.owner(other), other));

		newest(pds, List.of(mention("live1", "@brand.test are you open on Sunday?", T)));
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20))).isTrue();

		Event item = next(mine, "item");
		assertThat(item.data().get("channelId").asString()).isEqualTo(channel);
		assertThat(item.data().get("state").asString()).isEqualTo("mention");
		String conversation = item.data().get("conversationId").asString();
		JsonNode stored = api.get("/api/v1/inbox/items?conversationId=" + conversation, token).json().get("items");
		assertThat(stored.get(0).get("id").asString()).isEqualTo(item.data().get("itemId").asString());
		assertThat(next(colleague, "item").data().get("itemId")).isEqualTo(item.data().get("itemId"));

		assertThat(api.patch("/api/v1/inbox/conversations/" + conversation, token, Map.of("status", "pending"))
			.status()).isEqualTo(200);
		Event changed = next(colleague, "conversation");
		assertThat(changed.data().get("conversationId").asString()).isEqualTo(conversation);
		assertThat(changed.data().get("state").asString()).isEqualTo("pending");

		// nothing of the first workspace reaches the other's stream
		Thread.sleep(500);
		assertThat(elsewhere).isEmpty();
	}

	@Test
	void someoneAnsweringAConversationIsShownToTheOthersAndNotToAnotherWorkspace() throws Exception {
		newest(pds, List.of(mention("live2", "@brand.test my order never came", T.plusSeconds(1))));
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20))).isTrue();
		String conversation = api.get("/api/v1/inbox/items?channelId=" + channel, token).json().get("items").get(0)
			.get("conversationId").asString();
		UserAccount colleague = world.member(workspace, "live-typist", Role.PUBLISHER);
		String colleagueToken = world.token(colleague, workspace);
		BlockingQueue<Event> mine = stream(token);

		Api.Response typing = api.post("/api/v1/inbox/conversations/" + conversation + "/presence", colleagueToken,
				Map.of("state", "typing"));
		assertThat(typing.status()).isEqualTo(200);
		Event presence = next(mine, "presence");
		assertThat(presence.data().get("userId").asString()).isEqualTo(colleague.id().value().toString());
		assertThat(presence.data().get("state").asString()).isEqualTo("typing");
		assertThat(presence.data().get("name").asString()).isEqualTo(colleague.displayName());

		JsonNode present = api.get("/api/v1/inbox/conversations/" + conversation + "/presence", token).json();
		assertThat(present).hasSize(1);
		assertThat(present.get(0).get("state").asString()).isEqualTo("typing");
		// nobody is told about themself
		assertThat(api.get("/api/v1/inbox/conversations/" + conversation + "/presence", colleagueToken).json())
			.isEmpty();

		api.post("/api/v1/inbox/conversations/" + conversation + "/presence", colleagueToken, Map.of("state", "left"));
		assertThat(next(mine, "presence").data().get("state").asString()).isEqualTo("left");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				api.get("/api/v1/inbox/conversations/" + conversation + "/presence", token).json()).isEmpty());

		Membership other = world.workspace("live-presence-other");
		String stranger = world.token(world.owner(other), other);
		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/presence", stranger,
				Map.of("state", "viewing")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/inbox/conversations/" + conversation + "/presence", stranger).status())
			.isEqualTo(404);
		Api.Response wrong = api.post("/api/v1/inbox/conversations/" + conversation + "/presence", token,
				Map.of("state", "dancing"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("errors").findValuesAsString("field")).containsExactly("state");
	}
}
