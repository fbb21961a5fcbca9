package app.chorus.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.Api;
import app.chorus.support.AtprotoPeer;
import app.chorus.support.AtprotoPeer.Account;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a channel through Chorus's API to a real PDS on loopback, exactly as a person or script does: the
 * account's server is found, wrong credentials leave nothing behind, and the channel lists with its owner.
 */
@Tag("peer")
@ChorusIntegrationTest
class ChannelsPeerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@BeforeAll
	static void theLocalNetworkRuns() {
		AtprotoPeer.requireRunning();
	}

	@Test
	void aBlueskyAccountConnectsThroughTheApi() {
		Api api = new Api(port);
		Membership workspace = world.workspace("peer");
		String token = world.token(world.owner(workspace), workspace);
		Account alice = Account.create("chan" + Long.toString(System.nanoTime() % 100_000_000L, 36) + ".test");
		String pds = AtprotoPeer.PDS.replace("localhost", "127.0.0.1");

		Api.Response refused = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds,
				"handle", alice.handle(), "appPassword", "aaaa-bbbb-cccc-dddd"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("appPassword");
		assertThat(api.get("/api/v1/channels", token).json().get("items")).isEmpty();

		Api.Response created = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds,
				"handle", alice.handle(), "appPassword", alice.appPassword()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("connected");
		assertThat(created.json().get("handle").asString()).isEqualTo(alice.handle());

		JsonNode listed = api.get("/api/v1/channels", token).json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("owners")).hasSize(1);
		assertThat(listed.get(0).get("hasBackup").asBoolean()).isFalse();
		assertThat(api.delete("/api/v1/channels/" + created.json().get("id").asString(), token).status())
			.isEqualTo(204);
	}
}
