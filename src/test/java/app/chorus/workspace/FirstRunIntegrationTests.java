package app.chorus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.support.WebClient;

/** The setup page on a brand-new Chorus: refuses bad input without saving half of it, then never opens again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chorus.data-dir=${chorus.test.data-dir:target/test-data}", "chorus.db.embedded.durable=false",
		"chorus.db.embedded.database=chorus_setup_${random.value}" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void everythingLeadsToSetupUntilItIsDone() {
		WebClient browser = new WebClient(port);
		assertThat(browser.get("/").location()).endsWith("/login");
		assertThat(browser.get("/login").location()).endsWith("/setup");
		assertThat(browser.get("/setup").status()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void badInputNamesTheFieldAndSavesNothing() {
		WebClient browser = new WebClient(port);
		browser.get("/setup");
		WebClient.Page refused = browser.post("/setup", Map.of("workspaceName", "Acme", "displayName", "Ada",
				"email", "ada@example.com", "password", "short", "timeZone", "Europe/Copenhagen"));
		WebClient.Page noName = browser.post("/setup", Map.of("workspaceName", "  ", "displayName", "Ada",
				"email", "ada@example.com", "password", "long enough password", "timeZone", "UTC"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("The password needs at least 10 characters.").contains("value=\"Acme\"");
		assertThat(noName.body()).contains("Enter a workspace name.");
		assertThat(jdbc.sql("select count(*) from identity.users").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from workspace.workspaces").query(Integer.class).single()).isZero();
	}

	@Test
	@Order(3)
	void setupMakesTheOwnerAndTheWorkspaceOnce() {
		WebClient browser = new WebClient(port);
		browser.get("/setup");
		WebClient.Page done = browser.post("/setup", Map.of("workspaceName", "Acme", "displayName", "Ada",
				"email", "Ada@Example.com", "password", "long enough password", "timeZone", "Asia/Kathmandu"));
		assertThat(done.location()).contains("/login?setup");

		WebClient again = new WebClient(port);
		assertThat(again.get("/setup").location()).endsWith("/login");
		again.get("/login");
		assertThat(again.post("/setup", Map.of("workspaceName", "Evil", "displayName", "Eve", "email",
				"eve@example.com", "password", "long enough password", "timeZone", "UTC")).location()).endsWith("/login");
		assertThat(jdbc.sql("select count(*) from identity.users").query(Integer.class).single()).isEqualTo(1);

		assertThat(browser.signIn("ada@example.com", "long enough password").location()).endsWith("/");
		String home = browser.get("/").body();
		assertThat(home).contains("Welcome, Ada").contains("Acme");
		assertThat(jdbc.sql("select role from workspace.members").query(String.class).single()).isEqualTo("owner");
	}
}
