package app.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/** The audit trail records who did what, cannot be edited in place, and tells when someone edited it anyway. */
@ChorusIntegrationTest
class AuditTrailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void recordsSecurityActionsWithWhoWhatAndWhere() {
		Api api = new Api(port);
		Membership workspace = world.workspace("recorded");
		String token = world.token(world.owner(workspace), workspace);
		String invitee = TestWorld.uniqueEmail("invitee");
		api.post("/api/v1/invitations", token, Map.of("email", invitee, "role", "analyst"));
		api.post("/api/v1/auth/tokens", null, Map.of("email", world.owner(workspace).email(), "password", "wrong"));

		JsonNode entries = awaitEntries(api, token, 5);

		assertThat(actions(entries)).contains("workspace.created", "member.joined", "api-token.created",
				"invitation.created", "login.failed");
		JsonNode invitation = find(entries, "invitation.created");
		assertThat(invitation.get("actorLabel").asString()).isEqualTo(world.owner(workspace).email());
		assertThat(invitation.get("target").asString()).isEqualTo(invitee);
		assertThat(invitation.get("details").get("role").asString()).isEqualTo("analyst");
		assertThat(invitation.get("address").asString()).isEqualTo("127.0.0.1");
		assertThat(invitation.get("hash").asString()).hasSize(64);
	}

	@Test
	void entriesCannotBeChangedOrDeletedInPlace() {
		Api api = new Api(port);
		Membership workspace = world.workspace("append-only");
		String token = world.token(world.owner(workspace), workspace);
		awaitEntries(api, token, 3);

		assertThatThrownBy(() -> jdbc.sql("update audit.entries set target = 'x' where chain = ?")
			.param(workspace.workspaceId().toString()).update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit.entries where chain = ?")
			.param(workspace.workspaceId().toString()).update()).hasMessageContaining("append-only");
	}

	@Test
	void verificationFindsTheFirstAlteredEntry() {
		Api api = new Api(port);
		Membership workspace = world.workspace("altered");
		String token = world.token(world.owner(workspace), workspace);
		world.member(workspace, "someone", Role.VIEWER);
		awaitEntries(api, token, 4);
		assertThat(api.post("/api/v1/audit/verification", token, "{}").json().get("intact").asBoolean()).isTrue();

		bypassingTheGuard("update audit.entries set target = 'someone-else@example.com' where chain = ? and seq = 2",
				workspace);

		JsonNode verification = api.post("/api/v1/audit/verification", token, "{}").json();
		assertThat(verification.get("intact").asBoolean()).isFalse();
		assertThat(verification.get("problem").asString()).isEqualTo("altered");
		assertThat(verification.get("firstBadSeq").asLong()).isEqualTo(2);
	}

	@Test
	void verificationFindsAMissingEntryInTheMiddleAndAtTheEnd() {
		Api api = new Api(port);
		Membership workspace = world.workspace("missing");
		String token = world.token(world.owner(workspace), workspace);
		world.member(workspace, "one", Role.VIEWER);
		world.member(workspace, "two", Role.VIEWER);
		awaitEntries(api, token, 5);

		bypassingTheGuard("delete from audit.entries where chain = ? and seq = 3", workspace);
		JsonNode middle = api.post("/api/v1/audit/verification", token, "{}").json();
		assertThat(middle.get("problem").asString()).isEqualTo("missing");
		assertThat(middle.get("firstBadSeq").asLong()).isEqualTo(3);

		Membership other = world.workspace("truncated");
		String otherToken = world.token(world.owner(other), other);
		long last = awaitEntries(api, otherToken, 3).get(0).get("seq").asLong();
		bypassingTheGuard("delete from audit.entries where chain = ? and seq = " + last, other);
		JsonNode end = api.post("/api/v1/audit/verification", otherToken, "{}").json();
		assertThat(end.get("problem").asString()).isEqualTo("missing");
		assertThat(end.get("firstBadSeq").asLong()).isEqualTo(last);
	}

	@Test
	void exportsAsCsvAndJsonWithTheHashes() {
		Api api = new Api(port);
		Membership workspace = world.workspace("export");
		String token = world.token(world.owner(workspace), workspace);
		JsonNode entries = awaitEntries(api, token, 3);

		Api.Response csv = api.get("/api/v1/audit/export?format=csv", token);
		Api.Response json = api.get("/api/v1/audit/export?format=json&action=member.", token);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.raw().body()).contains("seq,id,occurredAt").contains(entries.get(0).get("hash").asString());
		assertThat(json.json().isArray()).isTrue();
		assertThat(json.json().size()).isEqualTo(1);
		assertThat(json.json().get(0).get("action").asString()).isEqualTo("member.joined");
	}

	@Test
	void aMalformedFilterNamesTheParameter() {
		Api api = new Api(port);
		Membership workspace = world.workspace("bad-filter");
		String token = world.token(world.owner(workspace), workspace);
		Api.Response response = api.get("/api/v1/audit/entries?from=yesterday", token);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	@Test
	void onlyOwnersAndAdminsSeeTheTrail() {
		Api api = new Api(port);
		Membership workspace = world.workspace("who-sees");
		String publisher = world.token(world.member(workspace, "pub", Role.PUBLISHER), workspace);
		assertThat(api.get("/api/v1/audit/entries", publisher).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/audit/verification", publisher, "{}").status()).isEqualTo(403);
	}

	private void bypassingTheGuard(String sql, Membership workspace) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql(sql).param(workspace.workspaceId().toString()).update();
		});
	}

	private static JsonNode awaitEntries(Api api, String token, int atLeast) {
		return Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/audit/entries?limit=200", token).json().get("items"),
					items -> items.size() >= atLeast);
	}

	private static java.util.List<String> actions(JsonNode entries) {
		java.util.List<String> actions = new java.util.ArrayList<>();
		entries.forEach(e -> actions.add(e.get("action").asString()));
		return actions;
	}

	private static JsonNode find(JsonNode entries, String action) {
		for (JsonNode e : entries) {
			if (e.get("action").asString().equals(action)) {
				return e;
			}
		}
		throw new AssertionError("no " + action + " in " + entries);
	}
}
