package app.chorus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.Api;

/** CHORUS_ADMIN_EMAIL and CHORUS_ADMIN_PASSWORD on the first start make the owner: a token is one call away. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chorus.data-dir=${chorus.test.data-dir:target/test-data}", "chorus.db.embedded.durable=false",
		"chorus.db.embedded.database=chorus_headless_${random.value}", "chorus.admin.email=ops@example.com",
		"chorus.admin.password=an operator passphrase", "chorus.admin.workspace=Newsroom" })
class HeadlessSetupIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theOwnerExistsAndCanGetAToken() {
		Api api = new Api(port);
		Api.Response token = api.post("/api/v1/auth/tokens", null, Map.of("email", "ops@example.com", "password",
				"an operator passphrase", "name", "automation", "scopes", java.util.List.of("admin")));
		assertThat(token.status()).isEqualTo(201);
		Api.Response me = api.get("/api/v1/me", token.json().get("token").asString());
		assertThat(me.json().get("workspace").get("name").asString()).isEqualTo("Newsroom");
		assertThat(me.json().get("workspace").get("role").asString()).isEqualTo("owner");
	}
}
