package app.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.database.EmbeddedPostgresServer;
import app.chorus.support.Api;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * CHORUS_DB_URL points Chorus at a PostgreSQL server it does not run: no embedded server starts, and the application
 * works the same on the other server. With the master key elsewhere too (CHORUS_MASTER_KEY_FILE), no data folder is
 * made at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The context goes first; the stand-in server stops with the JVM (its own shutdown hook), never under a live pool.
@DirtiesContext
class ExternalDatabaseIntegrationTests {

	static final EmbeddedPostgres EXTERNAL;
	static final Path UNUSED_DATA_DIR = Path.of("target", "external-db-test-unused-data");
	static final Path KEY_FILE;

	static {
		try {
			// A separate PostgreSQL process stands in for the operator's own server.
			EXTERNAL = EmbeddedPostgres.builder().start();
			// and a key file the operator keeps outside the data folder
			KEY_FILE = MasterKey.load(null, Files.createTempDirectory(Path.of("target"), "external-db-test-key"))
				.location();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void external(DynamicPropertyRegistry registry) {
		registry.add("chorus.db.url", () -> EXTERNAL.getJdbcUrl("postgres", "postgres"));
		registry.add("chorus.db.user", () -> "postgres");
		registry.add("chorus.db.password", () -> "");
		registry.add("chorus.data-dir", UNUSED_DATA_DIR::toString);
		registry.add("chorus.master-key-file", KEY_FILE::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestWorld world;

	@Autowired
	MasterKey masterKey;

	@Test
	void runsOnTheConfiguredServerAlone() throws Exception {
		assertThat(context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
		assertThat(Files.exists(UNUSED_DATA_DIR)).isFalse();
		assertThat(masterKey.location()).isEqualTo(KEY_FILE);
		assertThat(masterKey.generatedOnThisStart()).isFalse();
		try (Connection connection = dataSource.getConnection();
				ResultSet port = connection.createStatement().executeQuery("select inet_server_port()")) {
			port.next();
			assertThat(port.getInt(1)).isEqualTo(EXTERNAL.getPort());
		}

		Membership workspace = world.workspace("external");
		String token = world.token(world.owner(workspace), workspace);
		Api.Response me = new Api(port).get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("workspace").get("name").asString()).isEqualTo(workspace.workspaceName());
	}
}
