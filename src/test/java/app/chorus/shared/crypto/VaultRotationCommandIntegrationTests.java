package app.chorus.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.chorus.ChorusApplication;
import app.chorus.shared.database.ChildJvm;
import app.chorus.shared.database.DbTestSupport;

/**
 * The key rotation command as an operator runs it: Chorus started with {@code --chorus.vault.rotate=true} on its data
 * folder rotates the key, reports it, and exits with status 0; the key file then has a new primary key and the old
 * one no longer opens anything. A real process, with its own embedded PostgreSQL.
 */
class VaultRotationCommandIntegrationTests {

	private static final Pattern KEY_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");
	private static final byte[] SECRET = "sealed before the rotation".getBytes(StandardCharsets.UTF_8);
	private static final byte[] RECORD = "chorus.test:1".getBytes(StandardCharsets.UTF_8);

	private Path root;
	private Path data;

	@BeforeEach
	void createFolder() throws Exception {
		root = DbTestSupport.freshFolder();
		data = root.resolve("data");
	}

	@AfterEach
	void deleteFolder() throws Exception {
		DbTestSupport.stopLeftoverPostmaster(data, null);
		DbTestSupport.deleteQuietly(root);
	}

	@Test
	void theRotationCommandRotatesTheKeyAndExitsWithStatusZero() throws Exception {
		MasterKey before = MasterKey.load(null, data);
		byte[] sealed = before.seal(SECRET, RECORD);
		String keysetBefore = Files.readString(before.location());

		int status;
		String output;
		try (ChildJvm chorus = ChildJvm.start(root.resolve("chorus.log"), ChorusApplication.class,
				"--chorus.data-dir=" + data, "--chorus.vault.rotate=true", "--server.port=0",
				"--chorus.db.embedded.durable=false")) {
			status = chorus.awaitExit(Duration.ofMinutes(4));
			output = chorus.output();
		}

		assertThat(status).as("exit status; output:%n%s", output).isZero();
		assertThat(output).contains("Re-encrypted 0 channel credentials", "Re-encrypted 0 two-factor secrets",
				"Master key rotated", "1 old key(s) disabled");
		MasterKey after = MasterKey.load(null, data);
		assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
		assertThatThrownBy(() -> after.open(sealed, RECORD)).isInstanceOf(UnreadableSecretException.class);
		assertThat(after.open(after.seal(SECRET, RECORD), RECORD)).isEqualTo(SECRET);
		assertThat(after.previousLocation()).doesNotExist();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(after.location())))
			.isEqualTo("rw-------");
		String keysetAfter = Files.readString(after.location());
		KEY_VALUE.matcher(keysetBefore + keysetAfter).results()
			.forEach(key -> assertThat(output).doesNotContain(key.group(1)));
	}
}
