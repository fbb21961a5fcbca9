package app.chorus.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files go in and out by key, whole or not at all, and no key reaches outside the media folder. */
class LocalMediaStorageTests {

	@TempDir
	Path temp;

	Path root;
	LocalMediaStorage storage;

	@BeforeEach
	void aMediaFolderWithASecretBesideIt() throws IOException {
		root = temp.resolve("data/media");
		storage = new LocalMediaStorage(root);
		Files.createDirectories(temp.resolve("data"));
		Files.writeString(temp.resolve("data/secret.txt"), "master key");
	}

	@Test
	void theFolderIsMadeOnlyWhenTheFirstFileIsStored() throws IOException {
		assertThat(Files.exists(root)).isFalse();
		storage.put("w1/m1/original.png", stream("picture"));
		assertThat(Files.isDirectory(root)).isTrue();
	}

	@Test
	void storesReadsAndRemovesByKey() throws IOException {
		long written = storage.put("w1/m1/original.png", stream("picture"));
		assertThat(written).isEqualTo(7);
		try (InputStream in = storage.open("w1/m1/original.png")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("picture");
		}
		storage.put("w1/m1/original.png", stream("another"));
		try (InputStream in = storage.open("w1/m1/original.png")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("another");
		}
		storage.delete("w1/m1/original.png");
		assertThatThrownBy(() -> storage.open("w1/m1/original.png")).isInstanceOf(NoSuchFileException.class);
		assertThat(root.resolve("w1")).as("emptied folders go too").doesNotExist();
		assertThat(root).exists();
		storage.delete("w1/m1/original.png");
	}

	@Test
	void aFailedWriteLeavesNothingUnderTheKeyAndNoTemporaryFile() throws IOException {
		storage.put("w1/m1/square-r1.jpg", stream("old crop"));
		InputStream failing = new InputStream() {
			private int left = 10;

			@Override
			public int read() throws IOException {
				if (left-- <= 0) {
					throw new IOException("connection reset");
				}
				return 'x';
			}
		};
		assertThatThrownBy(() -> storage.put("w1/m1/square-r1.jpg", failing)).isInstanceOf(IOException.class);
		try (InputStream in = storage.open("w1/m1/square-r1.jpg")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("old crop");
		}
		try (Stream<Path> files = Files.list(root.resolve("w1/m1"))) {
			assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("square-r1.jpg");
		}
	}

	@Test
	void keysThatClimbOutOrHideAreRefusedBeforeAnyFileIsTouched() {
		List<String> hostile = List.of("../secret.txt", "w1/../../secret.txt", "/etc/passwd", "..", ".", "",
				"w1//m1", "w1/./m1", ".hidden", "w1/.incoming-x.part", "w1\\..\\..\\secret.txt", "w1/m1/",
				"C:/Windows", "w1/m1/a b.jpg", "w1/%2e%2e/secret.txt", "w1/\u0000.jpg", "x".repeat(600));
		for (String key : hostile) {
			assertThatThrownBy(() -> storage.put(key, stream("overwritten"))).as(key)
				.isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> storage.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(temp.resolve("data/secret.txt")).hasContent("master key");
	}

	@Test
	void aSymbolicLinkInsideTheFolderDoesNotLeadOutOfIt() throws IOException {
		Files.createDirectories(root);
		Files.createSymbolicLink(root.resolve("w1"), temp.resolve("data"));
		assertThatThrownBy(() -> storage.open("w1/secret.txt")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> storage.put("w1/secret.txt", stream("overwritten")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> storage.delete("w1/secret.txt")).isInstanceOf(IllegalArgumentException.class);
		assertThat(temp.resolve("data/secret.txt")).hasContent("master key");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
