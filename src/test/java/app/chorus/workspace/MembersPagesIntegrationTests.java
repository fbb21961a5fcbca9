package app.chorus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;

/** The members, settings and audit pages do what they say for the roles that may use them. */
@ChorusIntegrationTest
class MembersPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Test
	void anOwnerHandsOverAResetLinkThatWorks() {
		Membership workspace = world.workspace("handover");
		UserAccount owner = world.owner(workspace);
		UserAccount forgetful = world.member(workspace, "forgetful", Role.PUBLISHER);
		WebClient browser = new WebClient(port);
		browser.signIn(owner.email(), TestWorld.PASSWORD);
		browser.get("/members");

		String page = browser.post("/members/" + forgetful.id().value() + "/reset-link", Map.of()).body();
		Matcher link = Pattern.compile("(/password/reset\\?token=[A-Za-z0-9_-]+)").matcher(page);
		assertThat(link.find()).isTrue();

		WebClient member = new WebClient(port);
		member.get(link.group(1));
		String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
		assertThat(member.post("/password/reset", Map.of("token", token, "newPassword", "a fresh passphrase"))
			.location()).contains("passwordReset");
		assertThat(new WebClient(port).signIn(forgetful.email(), "a fresh passphrase").location()).endsWith("/");
	}

	@Test
	void aResetLinkIsRefusedForSomeoneWhoAlsoBelongsToAWorkspaceTheOwnerDoesNotOwn() {
		Membership mine = world.workspace("mine");
		Membership theirs = world.workspace("theirs");
		UserAccount shared = world.member(theirs, "shared", Role.ADMIN);
		world.addMember(mine, shared, Role.VIEWER);
		WebClient owner = new WebClient(port);
		owner.signIn(world.owner(mine).email(), TestWorld.PASSWORD);
		owner.get("/members");

		WebClient.Page refused = owner.post("/members/" + shared.id().value() + "/reset-link", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("/password/reset?token=");
	}

	@Test
	void aViewerSeesMembersButNoManagementAndNoAuditOrSettings() {
		Membership workspace = world.workspace("viewer");
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		WebClient browser = new WebClient(port);
		browser.signIn(viewer.email(), TestWorld.PASSWORD);

		String members = browser.get("/members").body();
		assertThat(members).contains(viewer.email()).doesNotContain("/members/invitations");
		assertThat(browser.get("/").body()).doesNotContain("href=\"/audit\"").doesNotContain("href=\"/settings\"");
		assertThat(browser.get("/audit").status()).isEqualTo(403);
		assertThat(browser.get("/settings").status()).isEqualTo(403);
	}

	@Test
	void theAuditPageVerifiesTheChainOnRequest() {
		Membership workspace = world.workspace("audit-page");
		WebClient browser = new WebClient(port);
		browser.signIn(world.owner(workspace).email(), TestWorld.PASSWORD);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> browser.get("/audit").body().contains("login.succeeded"));

		String verification = browser.post("/audit/verify", Map.of()).body();
		assertThat(verification).contains("The chain is intact");
		assertThat(browser.get("/audit?action=login.").body()).contains("login.succeeded")
			.doesNotContain("<code>workspace.created</code>");
	}
}
