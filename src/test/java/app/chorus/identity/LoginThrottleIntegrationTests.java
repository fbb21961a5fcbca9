package app.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Role;

/** Repeated failures for one account lock it for a while, even for the right password; other accounts go on. */
@ChorusIntegrationTest
class LoginThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Test
	void fiveFailuresBlockTheAccountButNotOthers() {
		Api api = new Api(port);
		var workspace = world.workspace("throttle");
		UserAccount target = world.member(workspace, "target", Role.VIEWER);
		UserAccount bystander = world.member(workspace, "bystander", Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/api/v1/auth/tokens", null, Map.of("email", target.email(), "password", "guess " + i))
				.status()).isEqualTo(401);
		}

		Api.Response rightPassword = api.post("/api/v1/auth/tokens", null,
				Map.of("email", target.email(), "password", TestWorld.PASSWORD));
		Api.Response other = api.post("/api/v1/auth/tokens", null,
				Map.of("email", bystander.email(), "password", TestWorld.PASSWORD));

		assertThat(rightPassword.status()).isEqualTo(429);
		assertThat(other.status()).isEqualTo(201);
	}

	@Test
	void unknownAddressesAreThrottledLikeKnownOnes() {
		Api api = new Api(port);
		String nobody = TestWorld.uniqueEmail("nobody");
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/auth/tokens", null, Map.of("email", nobody, "password", "guess " + i));
		}
		assertThat(api.post("/api/v1/auth/tokens", null, Map.of("email", nobody, "password", "guess")).status())
			.isEqualTo(429);
	}
}
