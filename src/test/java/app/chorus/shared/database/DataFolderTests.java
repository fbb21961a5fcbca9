package app.chorus.shared.database;

import static app.chorus.shared.database.DbTestSupport.deleteQuietly;
import static app.chorus.shared.database.DbTestSupport.freshFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One running Chorus owns a data folder: another process on the same folder is refused at once with a clear message,
 * while opens inside one JVM share the lock until the last one lets go. The "other process" is a real second JVM.
 */
class DataFolderTests {

	/** A refused child must not sit and wait for the folder; it is told at once. */
	private static final Duration FAIL_FAST = Duration.ofSeconds(20);

	/** This test's own folder: the data folder and the child JVMs' output live in it. */
	private Path root;
	private Path folder;

	@BeforeEach
	void createFolder() throws Exception {
		root = freshFolder();
		folder = root.resolve("data");
	}

	@AfterEach
	void deleteFolder() {
		deleteQuietly(root);
	}

	@Test
	void opensAMissingFolderAndShowsItsAbsolutePath() {
		Path missing = root.resolve("not").resolve("there-yet");
		DataFolder dataFolder = DataFolder.open(missing);
		try {
			assertThat(dataFolder.path()).isEqualTo(missing.toAbsolutePath().normalize());
			assertThat(missing).isDirectory();
			assertThat(missing.resolve("chorus.lock")).exists();
		}
		finally {
			dataFolder.release();
		}
	}

	@Test
	void anotherProcessIsRefusedAtOnceWhileThisOneHoldsTheFolder() throws Exception {
		DataFolder dataFolder = DataFolder.open(folder);
		try (ChildJvm child = ChildJvm.start(root.resolve("child.log"), OpenDataFolderMain.class,
				folder.toString())) {
			int exitCode = child.awaitExit(FAIL_FAST);

			assertThat(exitCode).as("exit code; output:%n%s", child.output()).isEqualTo(OpenDataFolderMain.IN_USE);
			assertThat(child.output()).contains("in use by another running Chorus")
				.contains(folder.toString())
				.doesNotContain("OPENED");
		}
		finally {
			dataFolder.release();
		}
	}

	@Test
	void opensInOneJvmShareTheFolderUntilTheLastOneReleasesIt() throws Exception {
		Path childLog = root.resolve("child.log");
		DataFolder first = DataFolder.open(folder);
		DataFolder second;
		try {
			// A second open in this JVM (another application context, say) joins the first one instead of failing,
			// also when it spells the folder differently.
			second = DataFolder.open(folder.resolve("sub").resolve(".."));
		}
		catch (RuntimeException e) {
			first.release();
			throw e;
		}
		boolean firstReleased = false;
		boolean secondReleased = false;
		try {
			assertThat(second).isSameAs(first);

			first.release();
			firstReleased = true;
			try (ChildJvm child = ChildJvm.start(childLog, OpenDataFolderMain.class, folder.toString())) {
				assertThat(child.awaitExit(FAIL_FAST)).as("exit code while one user still holds the folder; output:%n%s",
						child.output()).isEqualTo(OpenDataFolderMain.IN_USE);
				assertThat(child.output()).contains("in use by another running Chorus");
			}

			second.release();
			secondReleased = true;
			try (ChildJvm child = ChildJvm.start(root.resolve("child-2.log"), OpenDataFolderMain.class, folder.toString())) {
				assertThat(child.awaitExit(Duration.ofSeconds(30))).as("exit code once the folder is free; output:%n%s",
						child.output()).isEqualTo(OpenDataFolderMain.OPENED);
				assertThat(child.output()).contains("OPENED " + folder).doesNotContain("in use");
			}

			// and this JVM can take it again afterwards
			DataFolder again = DataFolder.open(folder);
			again.release();
		}
		finally {
			if (!firstReleased) {
				first.release();
			}
			if (!secondReleased) {
				second.release();
			}
		}
	}
}
