package app.chorus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;

/** Removing a member ends their sessions and revokes their tokens in the same step; the last owner stays. */
@ChorusIntegrationTest
class OffboardingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Test
	void removingAMemberRevokesTheirTokensAtOnceAndIsAudited() {
		Api api = new Api(port);
		Membership workspace = world.workspace("offboard");
		String ownerToken = world.token(world.owner(workspace), workspace);
		UserAccount leaver = world.member(workspace, "leaver", Role.PUBLISHER);
		String leaverToken = world.token(leaver, workspace);
		assertThat(api.get("/api/v1/me", leaverToken).status()).isEqualTo(200);

		Api.Response removed = api.delete("/api/v1/members/" + leaver.id().value(), ownerToken);

		assertThat(removed.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", leaverToken).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/members/" + leaver.id().value(), ownerToken).status()).isEqualTo(404);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var entries = api.get("/api/v1/audit/entries?action=member.removed", ownerToken).json().get("items");
			assertThat(entries.size()).isEqualTo(1);
			assertThat(entries.get(0).get("target").asString()).isEqualTo(leaver.email());
			assertThat(entries.get(0).get("details").get("tokensRevoked").asString()).isEqualTo("1");
		});
	}

	@Test
	void theLastOwnerCannotBeRemovedOrDemotedAndAnAdminCannotTouchOwners() {
		Api api = new Api(port);
		Membership workspace = world.workspace("owners");
		UserAccount owner = world.owner(workspace);
		String ownerToken = world.token(owner, workspace);
		UserAccount admin = world.member(workspace, "admin", Role.ADMIN);
		String adminToken = world.token(admin, workspace);

		Api.Response demote = api.patch("/api/v1/members/" + owner.id().value(), ownerToken, Map.of("role", "admin"));
		assertThat(demote.status()).isEqualTo(422);
		assertThat(demote.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
		assertThat(api.delete("/api/v1/members/" + owner.id().value(), adminToken).status()).isEqualTo(403);
		assertThat(api.patch("/api/v1/members/" + admin.id().value(), adminToken, Map.of("role", "owner")).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/members/" + owner.id().value(), ownerToken).json().get("role").asString())
			.isEqualTo("owner");
	}

	@Test
	void badInputNamesTheField() {
		Api api = new Api(port);
		Membership workspace = world.workspace("input");
		String token = world.token(world.owner(workspace), workspace);

		Api.Response team = api.post("/api/v1/teams", token, Map.of("name", "  "));
		Api.Response invitation = api.post("/api/v1/invitations", token, Map.of("email", "not-an-address",
				"role", "viewer"));
		Api.Response role = api.post("/api/v1/invitations", token, Map.of("email", TestWorld.uniqueEmail("x"),
				"role", "emperor"));
		Api.Response malformed = api.post("/api/v1/teams", token, "{not json");

		assertThat(team.status()).isEqualTo(422);
		assertThat(team.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(invitation.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(role.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/teams", token).json().get("items").size()).isZero();
	}

	@Test
	void problemsSpeakTheCallersLanguage() {
		Api api = new Api(port);
		Api.Response english = api.get("/api/v1/me", null, "en");
		Api.Response danish = api.get("/api/v1/me", null, "da");
		assertThat(english.json().get("detail").asString()).isNotEqualTo(danish.json().get("detail").asString());
	}
}
