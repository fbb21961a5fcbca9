package app.chorus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;

/**
 * A member of workspace A who asks for workspace B's ids, through every endpoint family, gets 404 and none of B's data;
 * B's data is unchanged afterwards.
 */
@ChorusIntegrationTest
class TenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	Api api;
	Membership a;
	Membership b;
	String tokenA;
	String tokenB;
	UserAccount memberOfB;

	@BeforeEach
	void twoWorkspaces() {
		api = new Api(port);
		a = world.workspace("alpha");
		b = world.workspace("bravo");
		tokenA = world.token(world.owner(a), a);
		tokenB = world.token(world.owner(b), b);
		memberOfB = world.member(b, "bea", Role.PUBLISHER);
	}

	@Test
	void workspaces() {
		String idB = b.workspaceId().value().toString();
		assertNotFound(api.get("/api/v1/workspaces/" + idB, tokenA), b.workspaceName());
		assertNotFound(api.patch("/api/v1/workspaces/" + idB, tokenA, Map.of("name", "Taken over")),
				b.workspaceName());
		assertThat(api.get("/api/v1/workspaces", tokenA).raw().body()).doesNotContain(idB);
		assertThat(api.get("/api/v1/workspaces/" + idB, tokenB).json().get("name").asString())
			.isEqualTo(b.workspaceName());
	}

	@Test
	void members() {
		String member = memberOfB.id().value().toString();
		assertNotFound(api.get("/api/v1/members/" + member, tokenA), memberOfB.email());
		assertNotFound(api.patch("/api/v1/members/" + member, tokenA, Map.of("role", "viewer")), memberOfB.email());
		assertNotFound(api.delete("/api/v1/members/" + member, tokenA), memberOfB.email());
		assertThat(api.get("/api/v1/members", tokenA).raw().body()).doesNotContain(memberOfB.email());
		assertThat(api.get("/api/v1/members/" + member, tokenB).json().get("role").asString()).isEqualTo("publisher");
	}

	@Test
	void teams() {
		Api.Response created = api.post("/api/v1/teams", tokenB, Map.of("name", "Bravo night shift"));
		assertThat(created.status()).isEqualTo(201);
		String team = created.json().get("id").asString();
		assertNotFound(api.get("/api/v1/teams/" + team, tokenA), "Bravo night shift");
		assertNotFound(api.patch("/api/v1/teams/" + team, tokenA, Map.of("name", "Renamed")), "Bravo night shift");
		assertNotFound(api.put("/api/v1/teams/" + team + "/members/" + world.owner(a).id().value(), tokenA),
				"Bravo night shift");
		assertNotFound(api.delete("/api/v1/teams/" + team, tokenA), "Bravo night shift");
		assertThat(api.get("/api/v1/teams", tokenA).raw().body()).doesNotContain("Bravo night shift");
		assertThat(api.get("/api/v1/teams/" + team, tokenB).json().get("name").asString())
			.isEqualTo("Bravo night shift");
	}

	@Test
	void invitations() {
		String invited = TestWorld.uniqueEmail("invitee");
		Api.Response created = api.post("/api/v1/invitations", tokenB, Map.of("email", invited, "role", "viewer"));
		assertThat(created.status()).isEqualTo(201);
		String invitation = created.json().get("id").asString();
		assertNotFound(api.get("/api/v1/invitations/" + invitation, tokenA), invited);
		assertNotFound(api.delete("/api/v1/invitations/" + invitation, tokenA), invited);
		assertThat(api.get("/api/v1/invitations", tokenA).raw().body()).doesNotContain(invited);
		assertThat(api.get("/api/v1/invitations/" + invitation, tokenB).json().get("status").asString())
			.isEqualTo("open");
	}

	@Test
	void tokens() {
		var tokenOfB = api.get("/api/v1/tokens", tokenB).json().get("items").get(0);
		String tokenId = tokenOfB.get("id").asString();
		assertNotFound(api.delete("/api/v1/tokens/" + tokenId, tokenA), tokenOfB.get("prefix").asString());
		assertThat(api.get("/api/v1/tokens", tokenA).raw().body()).doesNotContain(tokenId);
		assertThat(api.get("/api/v1/me", tokenB).status()).isEqualTo(200);
	}

	@Test
	void auditEntries() {
		// B's trail records the member who joined B; A's trail must not show it, whatever the filter.
		String bEmail = memberOfB.email();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api
			.get("/api/v1/audit/entries?target=" + bEmail, tokenB).json().get("items").size() > 0);
		assertThat(api.get("/api/v1/audit/entries?target=" + bEmail, tokenA).json().get("items").size()).isZero();
		assertThat(api.get("/api/v1/audit/entries?limit=200", tokenA).raw().body()).doesNotContain(bEmail)
			.doesNotContain(b.workspaceId().value().toString());
		assertThat(api.get("/api/v1/audit/export?format=csv", tokenA).raw().body()).doesNotContain(bEmail);
	}

	/** 404 as a problem, and nothing of B's in the answer (its ids appear only where the caller sent them). */
	private static void assertNotFound(Api.Response response, String secret) {
		assertThat(response.status()).as(response.raw().uri().toString()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.raw().body()).doesNotContain(secret);
	}
}
