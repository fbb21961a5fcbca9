package app.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/** Web sign-in sessions: they start, they can be ended from elsewhere, and removal from a workspace ends them all. */
@ChorusIntegrationTest
class SessionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Test
	void signingInOpensTheHomePageAndWrongPasswordsSayNothingAboutTheAddress() {
		Membership workspace = world.workspace("web");
		UserAccount owner = world.owner(workspace);
		WebClient browser = new WebClient(port);

		WebClient.Page wrong = browser.signIn(owner.email(), "not the password");
		WebClient.Page unknown = new WebClient(port).signIn(TestWorld.uniqueEmail("ghost"), "not the password");
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("That e-mail and password do not match an account.");
		assertThat(unknown.body()).contains("That e-mail and password do not match an account.");

		WebClient.Page signedIn = browser.signIn(owner.email(), TestWorld.PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith("/");
		assertThat(browser.get("/").body()).contains("Welcome, " + owner.displayName());
	}

	@Test
	void removingAMemberSignsOutEveryBrowserAtOnce() {
		Membership workspace = world.workspace("removal");
		String ownerToken = world.token(world.owner(workspace), workspace);
		UserAccount leaver = world.member(workspace, "leaver", Role.MANAGER);
		WebClient laptop = new WebClient(port);
		WebClient phone = new WebClient(port);
		laptop.signIn(leaver.email(), TestWorld.PASSWORD);
		phone.signIn(leaver.email(), TestWorld.PASSWORD);
		assertThat(laptop.get("/teams").status()).isEqualTo(200);
		assertThat(phone.get("/teams").status()).isEqualTo(200);

		new Api(port).delete("/api/v1/members/" + leaver.id().value(), ownerToken);

		WebClient.Page laptopAfter = laptop.get("/teams");
		WebClient.Page phoneAfter = phone.get("/teams");
		assertThat(laptopAfter.status()).isEqualTo(302);
		assertThat(laptopAfter.location()).contains("/login?ended");
		assertThat(phoneAfter.location()).contains("/login?ended");
		assertThat(laptop.get("/teams").location()).contains("/login");
	}

	@Test
	void changingThePasswordSignsOutOtherSessionsButNotThisOne() {
		Membership workspace = world.workspace("password");
		UserAccount owner = world.owner(workspace);
		WebClient here = new WebClient(port);
		WebClient elsewhere = new WebClient(port);
		here.signIn(owner.email(), TestWorld.PASSWORD);
		elsewhere.signIn(owner.email(), TestWorld.PASSWORD);

		here.get("/account");
		WebClient.Page changed = here.post("/account/password",
				Map.of("currentPassword", TestWorld.PASSWORD, "newPassword", "an even better passphrase"));

		assertThat(changed.status()).isEqualTo(302);
		assertThat(here.get("/account").status()).isEqualTo(200);
		assertThat(elsewhere.get("/account").location()).contains("/login?ended");
		assertThat(new WebClient(port).signIn(owner.email(), "an even better passphrase").location()).endsWith("/");
	}

	@Test
	void aShortNewPasswordIsRefusedWithTheRuleNamed() {
		Membership workspace = world.workspace("short");
		UserAccount owner = world.owner(workspace);
		WebClient browser = new WebClient(port);
		browser.signIn(owner.email(), TestWorld.PASSWORD);
		browser.get("/account");

		WebClient.Page refused = browser.post("/account/password",
				Map.of("currentPassword", TestWorld.PASSWORD, "newPassword", "short"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("The password needs at least 10 characters.");
		assertThat(new WebClient(port).signIn(owner.email(), TestWorld.PASSWORD).location()).endsWith("/");
	}

	@Test
	void aWorkspaceThatRequiresTwoFactorLetsMembersWithoutItOnlyEnrol() {
		Membership workspace = world.workspace("strict");
		UserAccount member = world.member(workspace, "member", Role.PUBLISHER);
		String memberToken = world.token(member, workspace);
		world.requireTwoFactor(workspace);

		WebClient browser = new WebClient(port);
		browser.signIn(member.email(), TestWorld.PASSWORD);
		WebClient.Page home = browser.get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).contains("/account/two-factor?required");
		assertThat(browser.get("/account/two-factor").status()).isEqualTo(200);
		Api.Response api = new Api(port).get("/api/v1/members", memberToken);
		assertThat(api.status()).isEqualTo(403);
		assertThat(api.json().get("type").asString()).endsWith("workspace.two-factor-required");
	}
}
