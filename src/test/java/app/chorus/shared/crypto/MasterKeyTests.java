package app.chorus.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The master key file: generated owner-only, read back the same, never replaced silently, and rotated in two steps. */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyTests {

	private static final Pattern KEY_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");
	private static final byte[] TOKEN = "a-token-worth-stealing".getBytes(StandardCharsets.UTF_8);
	private static final byte[] CHANNEL = "chorus.channel:1".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path folder;

	@Test
	void theFirstStartGeneratesAnOwnerOnlyKeyAndSaysToBackItUp(CapturedOutput output) throws IOException {
		Path data = folder.resolve("data");

		MasterKey key = MasterKey.load(null, data);

		Path file = data.resolve("master-key.json");
		assertThat(key.generatedOnThisStart()).isTrue();
		assertThat(key.location()).isEqualTo(file.toAbsolutePath());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(data)) {
			assertThat(files.toList()).as("no temporary file left behind").containsExactly(file);
		}
		List<String> warnings = output.getAll().lines().filter(line -> line.contains("master key")).toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.getFirst()).contains("WARN", file.toAbsolutePath().toString(), "back it up");
		assertThat(keyMaterial(file)).isNotEmpty()
			.allSatisfy(value -> assertThat(output.getAll()).doesNotContain(value));
		assertThat(key.toString()).doesNotContain(keyMaterial(file));
	}

	@Test
	void theNextStartReadsTheSameKey() {
		MasterKey first = MasterKey.load(null, folder);
		byte[] sealed = first.seal(TOKEN, CHANNEL);

		MasterKey again = MasterKey.load(null, folder);
		MasterKey configured = MasterKey.load(folder.resolve("master-key.json"), folder.resolve("elsewhere"));

		assertThat(again.generatedOnThisStart()).isFalse();
		assertThat(again.open(sealed, CHANNEL)).isEqualTo(TOKEN);
		assertThat(configured.open(sealed, CHANNEL)).isEqualTo(TOKEN);
		assertThat(configured.primaryKeyId()).isEqualTo(first.primaryKeyId()).isEqualTo(MasterKey.keyIdOf(sealed));
		assertThat(Files.exists(folder.resolve("elsewhere"))).isFalse();
	}

	@Test
	void aSealedSecretOpensOnlyForItsOwnRecordAndUnaltered() {
		MasterKey key = MasterKey.load(null, folder);
		byte[] sealed = key.seal(TOKEN, CHANNEL);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("a-token-worth-stealing");
		assertThatThrownBy(() -> key.open(sealed, "chorus.channel:2".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(UnreadableSecretException.class)
			.hasMessageNotContaining("a-token-worth-stealing");
		byte[] altered = sealed.clone();
		altered[altered.length - 1] ^= 1;
		assertThatThrownBy(() -> key.open(altered, CHANNEL)).isInstanceOf(UnreadableSecretException.class);
	}

	@Test
	void aConfiguredKeyFileThatIsMissingStopsTheStartInsteadOfMakingANewKey() {
		Path missing = folder.resolve("keys").resolve("chorus-master-key.json");

		assertThatThrownBy(() -> MasterKey.load(missing, folder)).isInstanceOfSatisfying(MasterKeyException.class,
				e -> {
					assertThat(e.getMessage()).contains(missing.toString(), "does not exist");
					assertThat(e.action()).contains("Restore the key file from your backup");
					FailureAnalysis analysis = new MasterKeyFailureAnalyzer()
						.analyze(new BeanCreationException("masterKey", e));
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
					assertThat(analysis.getAction()).isEqualTo(e.action());
				});
		assertThat(missing).doesNotExist();
		assertThat(folder.resolve("master-key.json")).doesNotExist();
	}

	@Test
	void aKeyFileThatIsNotAKeysetStopsTheStart() throws IOException {
		Path file = Files.writeString(folder.resolve("master-key.json"), "{\"not\": \"a keyset\"}");

		assertThatThrownBy(() -> MasterKey.load(null, folder)).isInstanceOf(MasterKeyException.class)
			.hasMessageContaining(file.toString());
		assertThat(Files.readString(file)).isEqualTo("{\"not\": \"a keyset\"}");
	}

	@Test
	void aKeyFileOthersMayReadIsUsedWithAWarning(CapturedOutput output) throws IOException {
		Path file = MasterKey.load(null, folder).location();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		MasterKey key = MasterKey.load(null, folder);

		assertThat(key.generatedOnThisStart()).isFalse();
		assertThat(output.getAll()).contains("can be read or changed by other users", "chmod 600 " + file);
	}

	@Test
	void rotationKeepsOldSecretsReadableUntilTheOldKeysAreRetired() throws IOException {
		MasterKey key = MasterKey.load(null, folder);
		long oldKey = key.primaryKeyId();
		byte[] before = key.seal(TOKEN, CHANNEL);
		String fileBefore = Files.readString(key.location());

		long newKey = key.rotate();

		assertThat(newKey).isNotEqualTo(oldKey).isEqualTo(key.primaryKeyId());
		byte[] after = key.seal(TOKEN, CHANNEL);
		assertThat(MasterKey.keyIdOf(after)).isEqualTo(newKey);
		assertThat(MasterKey.keyIdOf(before)).isEqualTo(oldKey);
		assertThat(key.open(before, CHANNEL)).isEqualTo(TOKEN);
		// the file holds both keys now, and the keyset as it was is kept beside it, owner-only
		MasterKey reloaded = MasterKey.load(null, folder);
		assertThat(reloaded.primaryKeyId()).isEqualTo(newKey);
		assertThat(reloaded.open(before, CHANNEL)).isEqualTo(TOKEN);
		assertThat(Files.readString(key.previousLocation())).isEqualTo(fileBefore);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.previousLocation())))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.location()))).isEqualTo("rw-------");

		assertThat(key.retireOldKeys()).isEqualTo(1);

		assertThatThrownBy(() -> key.open(before, CHANNEL)).isInstanceOf(UnreadableSecretException.class);
		assertThat(key.open(after, CHANNEL)).isEqualTo(TOKEN);
		assertThat(key.previousLocation()).doesNotExist();
		MasterKey retired = MasterKey.load(null, folder);
		assertThat(retired.primaryKeyId()).isEqualTo(newKey);
		assertThatThrownBy(() -> retired.open(before, CHANNEL)).isInstanceOf(UnreadableSecretException.class);
		assertThat(retired.open(after, CHANNEL)).isEqualTo(TOKEN);
		// the old key is disabled, not gone: a backup from before the rotation can still be recovered by hand
		assertThat(keyMaterial(key.location())).containsAll(keyMaterial(fileBefore));
	}

	private static List<String> keyMaterial(Path file) throws IOException {
		return keyMaterial(Files.readString(file));
	}

	private static List<String> keyMaterial(String keyset) {
		Matcher values = KEY_VALUE.matcher(keyset);
		return values.results().map(m -> m.group(1)).toList();
	}
}
