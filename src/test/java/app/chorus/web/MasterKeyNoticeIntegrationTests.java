package app.chorus.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * A master key generated on this start is announced on the home page of those who run a workspace, with where it is,
 * until the next start; other members never see it. (The suite's key is generated on a run that starts without
 * target/test-data/master-key.json, as on a clean build, and read back on later runs: the test checks both cases.)
 */
@ChorusIntegrationTest
class MasterKeyNoticeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	MasterKey masterKey;

	@Test
	void ownersAreAskedToBackUpAKeyGeneratedOnThisStartAndOthersAreNot() {
		Membership workspace = world.workspace("key-notice");
		UserAccount viewer = world.member(workspace, "key-notice-viewer", Role.VIEWER);
		WebClient owner = new WebClient(port);
		owner.signIn(world.owner(workspace).email(), TestWorld.PASSWORD);
		WebClient member = new WebClient(port);
		member.signIn(viewer.email(), TestWorld.PASSWORD);

		String ownerHome = owner.get("/").body();
		String memberHome = member.get("/").body();

		assertThat(ownerHome).contains("Welcome");
		if (masterKey.generatedOnThisStart()) {
			assertThat(ownerHome).contains("id=\"master-key-backup\"", "Back up the master key",
					masterKey.location().toString());
		}
		else {
			assertThat(ownerHome).doesNotContain("master-key-backup");
		}
		assertThat(memberHome).contains("Welcome").doesNotContain("master-key-backup")
			.doesNotContain(masterKey.location().toString());
	}
}
