package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxAssignment;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.shared.audit.AuditActor;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * Working the inbox as a team: notes with @mentions that tell the members mentioned (and never the author),
 * round-robin and least-loaded assignment over available members below their capacity, bulk changes all or nothing,
 * and no endpoint that shows or touches another workspace's inbox.
 */
@ChorusIntegrationTest
class InboxTeamworkIntegrationTests {

	static final Instant T = Instant.parse("2026-03-04T10:00:00Z");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	InboxAssignment assignment;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	List<String> conversations = new ArrayList<>();

	@BeforeEach
	void aWorkspaceWithFourConversations() {
		api = new Api(port);
		workspace = world.workspace("teamwork");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		newest(pds, List.of(mention("m4", "four", T.plusSeconds(4)), mention("m3", "three", T.plusSeconds(3)),
				mention("m2", "two", T.plusSeconds(2)), mention("m1", "one", T.plusSeconds(1))));
		BlueskyNotifications.connectAndRead(api, token, pds, ingestion, workspace);
		conversations.clear();
		api.get("/api/v1/inbox/conversations", token).json().get("items")
			.forEach(c -> conversations.add(c.get("id").asString()));
		assertThat(conversations).hasSize(4);
	}

	private static String localPart(UserAccount person) {
		return person.email().substring(0, person.email().indexOf('@'));
	}

	private static String id(UserAccount person) {
		return person.id().value().toString();
	}

	private List<String> noticeKeys(UserAccount person) {
		List<String> keys = new ArrayList<>();
		api.get("/api/v1/notifications", world.token(person, workspace)).json().get("items")
			.forEach(n -> keys.add(n.get("messageKey").asString() + " " + n.get("link").asString()));
		return keys;
	}

	private String team(UserAccount... members) {
		String team = api.post("/api/v1/teams", token, Map.of("name", "Care " + UUID.randomUUID())).json().get("id")
			.asString();
		for (UserAccount member : members) {
			assertThat(api.put("/api/v1/teams/" + team + "/members/" + id(member), token).status()).isLessThan(300);
		}
		return team;
	}

	private Api.Response assign(String conversation, String strategy, String team) {
		Map<String, Object> body = new HashMap<>();
		body.put("strategy", strategy);
		if (team != null) {
			body.put("teamId", team);
		}
		return api.post("/api/v1/inbox/conversations/" + conversation + "/assign", token, body);
	}

	private String assignee(Api.Response assigned) {
		assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(200);
		return assigned.json().get("assigneeId").asString();
	}

	@Test
	void aNoteTellsEachMentionedMemberOnceAndNeverTheAuthor() {
		UserAccount alice = world.member(workspace, "alice", Role.PUBLISHER);
		UserAccount carol = world.member(workspace, "carol", Role.VIEWER);
		UserAccount dave = world.member(workspace, "dave", Role.PUBLISHER);
		String conversation = conversations.getFirst();
		String text = "@" + localPart(alice) + " can you take this? cc @" + carol.email().toUpperCase() + ", and @"
				+ localPart(alice) + " again. Me: @" + localPart(owner) + ". Not a mention: " + dave.email()
				+ " or @someone.bsky.social";
		Api.Response added = api.post("/api/v1/inbox/conversations/" + conversation + "/notes", token,
				Map.of("text", text));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.header("Location")).endsWith("/notes/" + added.json().get("id").asString());
		List<String> mentioned = new ArrayList<>();
		added.json().get("mentioned").forEach(m -> mentioned.add(m.asString()));
		assertThat(mentioned).containsExactly(id(alice), id(carol));

		String expected = "inbox.note.notice.mentioned /inbox/conversations/" + conversation;
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(noticeKeys(alice)).containsExactly(expected);
			assertThat(noticeKeys(carol)).containsExactly(expected);
		});
		assertThat(noticeKeys(owner)).doesNotContain(expected);
		assertThat(noticeKeys(dave)).isEmpty();

		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/notes", world.token(alice, workspace),
				Map.of("text", "on it")).status()).isEqualTo(201);
		JsonNode notes = api.get("/api/v1/inbox/conversations/" + conversation, token).json().get("notes");
		assertThat(notes).hasSize(2);
		assertThat(notes.get(0).get("text").asString()).isEqualTo(text);
		assertThat(notes.get(0).get("authorId").asString()).isEqualTo(id(owner));
		assertThat(notes.get(1).get("authorId").asString()).isEqualTo(id(alice));
		assertThat(api.get("/api/v1/inbox/conversations/" + conversation + "/notes", token).json().get("items"))
			.hasSize(2);
		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/notes", token, Map.of("text", " "))
			.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/notes",
				world.token(carol, workspace), Map.of("text", "viewers only read")).status()).isEqualTo(403);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.note.added"));
	}

	@Test
	void roundRobinTakesTurnsAndSkipsMembersWhoAreAwayOrFull() {
		UserAccount ann = world.member(workspace, "ann", Role.PUBLISHER);
		UserAccount ben = world.member(workspace, "ben", Role.PUBLISHER);
		UserAccount cid = world.member(workspace, "cid", Role.PUBLISHER);
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		String team = team(ann, ben, cid, viewer);
		JsonNode away = api.putJson("/api/v1/inbox/agents/me", world.token(cid, workspace), Map.of("available",
				false)).json();
		assertThat(away.get("available").asBoolean()).isFalse();

		List<String> picked = new ArrayList<>();
		for (String conversation : conversations) {
			picked.add(assignee(assign(conversation, "round-robin", team)));
		}
		assertThat(picked).doesNotContain(id(cid), id(viewer));
		assertThat(picked.get(0)).isNotEqualTo(picked.get(1));
		assertThat(picked.get(2)).isEqualTo(picked.get(0));
		assertThat(picked.get(3)).isEqualTo(picked.get(1));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(noticeKeys(ann))
			.contains("inbox.assign.notice.assigned /inbox/conversations/" + conversations.get(
					picked.indexOf(id(ann)))));

		// ben is full at two open conversations: the next turns are ann's
		api.putJson("/api/v1/inbox/agents/me", world.token(ben, workspace), Map.of("capacity", 2));
		assertThat(assignee(assign(conversations.getFirst(), "round-robin", team))).isEqualTo(id(ann));
		JsonNode agents = api.get("/api/v1/inbox/agents", token).json().get("items");
		for (JsonNode agent : agents) {
			if (agent.get("userId").asString().equals(id(ben))) {
				assertThat(agent.get("capacity").asInt()).isEqualTo(2);
				assertThat(agent.get("openConversations").asInt()).isEqualTo(2);
			}
			assertThat(agent.get("userId").asString()).isNotEqualTo(id(viewer));
		}

		api.putJson("/api/v1/inbox/agents/me", world.token(ann, workspace), Map.of("available", false));
		Api.Response nobody = assign(conversations.getFirst(), "round-robin", team);
		assertThat(nobody.status()).isEqualTo(409);
		assertThat(nobody.json().get("detail").asString()).contains("available");
		assertThat(assign(conversations.getFirst(), "round-robin", null).json().get("errors").get(0).get("field")
			.asString()).isEqualTo("teamId");
		assertThat(assign(conversations.getFirst(), "random", team).status()).isEqualTo(422);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.conversation.assigned"));
	}

	@Test
	void leastLoadedPicksTheMemberWithFewestOpenAndOnATieTheOneAssignedLongestAgo() {
		UserAccount ann = world.member(workspace, "ann", Role.PUBLISHER);
		UserAccount ben = world.member(workspace, "ben", Role.PUBLISHER);
		String team = team(ann, ben);
		api.patch("/api/v1/inbox/conversations/" + conversations.get(0), token, Map.of("assigneeId", id(ann)));
		api.patch("/api/v1/inbox/conversations/" + conversations.get(1), token, Map.of("assigneeId", id(ann)));
		api.patch("/api/v1/inbox/conversations/" + conversations.get(1), token, Map.of("status", "resolved"));

		// ann has one open, ben none
		assertThat(assignee(assign(conversations.get(2), "least-loaded", team))).isEqualTo(id(ben));
		// one each: ann was assigned longer ago
		assertThat(assignee(assign(conversations.get(3), "least-loaded", team))).isEqualTo(id(ann));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(noticeKeys(ben))
			.contains("inbox.assign.notice.assigned /inbox/conversations/" + conversations.get(2)));

		// across the whole workspace the owner, with nothing open, is the least loaded
		assertThat(assignee(assign(conversations.get(1), "least-loaded", null))).isEqualTo(id(owner));
	}

	@Test
	void roundRobinAssignersAtOnceNeverTakeTheSameTurn() throws Exception {
		UserAccount ann = world.member(workspace, "ann", Role.PUBLISHER);
		UserAccount ben = world.member(workspace, "ben", Role.PUBLISHER);
		UUID team = UUID.fromString(team(ann, ben));
		// through the API: two at once
		try (ExecutorService assigners = Executors.newFixedThreadPool(2)) {
			Future<String> first = assigners.submit(() -> assignee(assign(conversations.get(0), "round-robin",
					team.toString())));
			Future<String> second = assigners.submit(() -> assignee(assign(conversations.get(1), "round-robin",
					team.toString())));
			assertThat(first.get()).isNotEqualTo(second.get());
		}
		// through the Java API as rules would call it: four assigners, ten turns each, started together
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<UUID>>> runs = new ArrayList<>();
		try (ExecutorService assigners = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < 4; i++) {
				UUID conversation = UUID.fromString(conversations.get(i));
				runs.add(assigners.submit(() -> {
					start.await();
					List<UUID> picked = new ArrayList<>();
					for (int turn = 0; turn < 10; turn++) {
						picked.add(assignment.assign(workspace.workspaceId(), conversation,
								InboxAssignment.Strategy.ROUND_ROBIN, team, AuditActor.system()).assigneeId());
					}
					return picked;
				}));
			}
			start.countDown();
			List<UUID> picked = new ArrayList<>();
			for (Future<List<UUID>> run : runs) {
				picked.addAll(run.get());
			}
			// after the API's two turns, forty more taken strictly in turn: twenty each
			assertThat(picked).filteredOn(ann.id().value()::equals).hasSize(20);
			assertThat(picked).filteredOn(ben.id().value()::equals).hasSize(20);
		}
	}

	@Test
	void bulkChangesAreAllOrNothing() {
		UserAccount ann = world.member(workspace, "ann", Role.PUBLISHER);
		Map<String, Object> change = new HashMap<>();
		change.put("ids", conversations.subList(0, 3));
		change.put("status", "pending");
		change.put("priority", "high");
		change.put("assigneeId", id(ann));
		Api.Response changed = api.post("/api/v1/inbox/conversations/bulk", token, change);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("items")).hasSize(3);
		for (String conversation : conversations.subList(0, 3)) {
			JsonNode c = api.get("/api/v1/inbox/conversations/" + conversation, token).json();
			assertThat(c.get("status").asString()).isEqualTo("pending");
			assertThat(c.get("priority").asString()).isEqualTo("high");
			assertThat(c.get("assigneeId").asString()).isEqualTo(id(ann));
		}
		assertThat(api.get("/api/v1/inbox/conversations/" + conversations.get(3), token).json().get("status")
			.asString()).isEqualTo("new");

		Map<String, Object> withAStranger = new HashMap<>();
		withAStranger.put("ids", List.of(conversations.get(3), UUID.randomUUID().toString()));
		withAStranger.put("status", "resolved");
		assertThat(api.post("/api/v1/inbox/conversations/bulk", token, withAStranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/inbox/conversations/" + conversations.get(3), token).json().get("status")
			.asString()).isEqualTo("new");

		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 201; i++) {
			tooMany.add(UUID.randomUUID().toString());
		}
		Api.Response refused = api.post("/api/v1/inbox/conversations/bulk", token, Map.of("ids", tooMany, "status",
				"open"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("ids");
		assertThat(api.post("/api/v1/inbox/conversations/bulk", token, Map.of("ids", conversations, "status",
				"done")).json().get("errors").get(0).get("field").asString()).isEqualTo("status");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries?limit=200", token).raw().body().split("inbox.conversation.changed",
						-1).length - 1).isGreaterThanOrEqualTo(3));
	}

	@Test
	void anotherWorkspaceGets404ForEveryIdOfThisOneAndSeesNoneOfItsPeople() {
		UserAccount ann = world.member(workspace, "ann", Role.PUBLISHER);
		String team = team(ann);
		String conversation = conversations.getFirst();
		String note = api.post("/api/v1/inbox/conversations/" + conversation + "/notes", token,
				Map.of("text", "ours")).json().get("id").asString();
		Membership other = world.workspace("teamworkother");
		UserAccount otherOwner = world.owner(other);
		String otherToken = world.token(otherOwner, other);
		String base = "/api/v1/inbox/conversations/" + conversation;

		assertThat(api.get(base + "/notes", otherToken).status()).isEqualTo(404);
		assertThat(api.get(base + "/notes/" + note, otherToken).status()).isEqualTo(404);
		assertThat(api.post(base + "/notes", otherToken, Map.of("text", "@" + localPart(ann))).status())
			.isEqualTo(404);
		assertThat(api.post(base + "/assign", otherToken, Map.of("strategy", "least-loaded")).status())
			.isEqualTo(404);
		assertThat(api.post(base + "/assign", otherToken, Map.of("strategy", "round-robin", "teamId", team))
			.status()).isEqualTo(404);
		assertThat(api.post("/api/v1/inbox/conversations/bulk", otherToken, Map.of("ids", List.of(conversation),
				"status", "resolved")).status()).isEqualTo(404);
		assertThat(api.get(base + "/moderation", otherToken).status()).isEqualTo(404);
		List<String> theirAgents = new ArrayList<>();
		api.get("/api/v1/inbox/agents", otherToken).json().get("items")
			.forEach(a -> theirAgents.add(a.get("userId").asString()));
		assertThat(theirAgents).containsExactly(id(otherOwner));
		api.putJson("/api/v1/inbox/agents/me", otherToken, Map.of("available", false));

		JsonNode ours = api.get(base, token).json();
		assertThat(ours.get("status").asString()).isEqualTo("new");
		assertThat(ours.get("assigneeId").isNull()).isTrue();
		assertThat(ours.get("notes")).hasSize(1);
		assertThat(noticeKeys(ann)).isEmpty();
		// the other workspace's availability is its own: here its owner is not a member, and ann still takes work
		assertThat(assignee(assign(conversation, "round-robin", team))).isEqualTo(id(ann));
	}
}
