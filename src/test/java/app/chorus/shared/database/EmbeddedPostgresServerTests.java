package app.chorus.shared.database;

import static app.chorus.shared.database.DbTestSupport.awaitGone;
import static app.chorus.shared.database.DbTestSupport.deleteQuietly;
import static app.chorus.shared.database.DbTestSupport.execute;
import static app.chorus.shared.database.DbTestSupport.freshFolder;
import static app.chorus.shared.database.DbTestSupport.isAlive;
import static app.chorus.shared.database.DbTestSupport.postmasterPid;
import static app.chorus.shared.database.DbTestSupport.postmasterPidFile;
import static app.chorus.shared.database.DbTestSupport.queryOne;
import static app.chorus.shared.database.DbTestSupport.show;
import static app.chorus.shared.database.DbTestSupport.stopLeftoverPostmaster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server Chorus runs itself, with real processes: its data survives a restart, its durability settings
 * are the ones asked for, a second process on the same folder is refused, and a JVM killed with kill -9 leaves nothing
 * a restart cannot deal with.
 */
class EmbeddedPostgresServerTests {

	private static final Duration STOP = Duration.ofSeconds(30);

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
	void dataSurvivesARestartAndTheDurableServerSyncsToDisk() throws Exception {
		long firstPostmaster;
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, true);
		try {
			String url = server.database("chorus");
			assertThat(url).startsWith("jdbc:postgresql://").contains(":" + server.port() + "/chorus");
			assertThat(show(url, "fsync")).isEqualTo("on");
			assertThat(show(url, "synchronous_commit")).isEqualTo("on");
			assertThat(show(url, "full_page_writes")).isEqualTo("on");
			execute(url, "create table kept (id integer primary key, note text not null)",
					"insert into kept values (1, 'written before the restart')");
			firstPostmaster = postmasterPid(folder).orElseThrow();
			assertThat(isAlive(firstPostmaster)).isTrue();
		}
		finally {
			server.release();
		}
		// releasing the last user stops PostgreSQL
		assertThat(awaitGone(firstPostmaster, STOP)).as("postmaster %d stopped", firstPostmaster).isTrue();
		assertThat(postmasterPidFile(folder)).doesNotExist();

		EmbeddedPostgresServer again = EmbeddedPostgresServer.start(folder, true);
		try {
			String url = again.database("chorus");
			assertThat(queryOne(url, "select note from kept where id = 1")).isEqualTo("written before the restart");
			assertThat(show(url, "fsync")).isEqualTo("on");
		}
		finally {
			again.release();
		}
	}

	@Test
	void sharedBuffersAreSizedFromTheMachineOrAsSetAndANonsenseSizeIsRefused() throws Exception {
		long machineMb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
		assertThat(EmbeddedPostgresServer.sharedBuffers("auto"))
			.isEqualTo(Math.clamp(machineMb / 4, 128, 2048) + "MB");
		assertThat(EmbeddedPostgresServer.sharedBuffers(" 4GB ")).isEqualTo("4GB");
		assertThatThrownBy(() -> EmbeddedPostgresServer.sharedBuffers("lots"))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512MB").hasMessageContaining("lots");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(folder, true, "0MB; drop"))
			.isInstanceOf(IllegalArgumentException.class);

		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, false, "192MB");
		try {
			assertThat(show(server.database("chorus"), "shared_buffers")).isEqualTo("192MB");
		}
		finally {
			server.release();
		}
	}

	@Test
	void aServerThatNeedNotBeDurableTradesFsyncForSpeed() throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, false);
		try {
			String url = server.database("chorus");
			assertThat(show(url, "fsync")).isEqualTo("off");
			assertThat(show(url, "synchronous_commit")).isEqualTo("off");
		}
		finally {
			server.release();
		}
	}

	@Test
	void startsInOneJvmShareTheServerAndTheLastReleaseStopsIt() throws Exception {
		EmbeddedPostgresServer first = EmbeddedPostgresServer.start(folder, true);
		long postmaster;
		boolean firstReleased = false;
		try {
			EmbeddedPostgresServer second = EmbeddedPostgresServer.start(folder, true);
			try {
				assertThat(second).isSameAs(first);
				postmaster = postmasterPid(folder).orElseThrow();
				first.release();
				firstReleased = true;
				// still running for the second user
				assertThat(isAlive(postmaster)).isTrue();
				assertThat(queryOne(second.database("chorus"), "select 1")).isEqualTo("1");
			}
			finally {
				second.release();
			}
		}
		finally {
			if (!firstReleased) {
				first.release();
			}
		}
		assertThat(awaitGone(postmaster, STOP)).as("postmaster %d stopped", postmaster).isTrue();
	}

	@Test
	void anotherProcessCannotStartAServerOnAFolderInUse() throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, true);
		try {
			String url = server.database("chorus");
			long postmaster = postmasterPid(folder).orElseThrow();
			try (ChildJvm child = ChildJvm.start(root.resolve("child.log"), StartEmbeddedPostgresMain.class,
					folder.toString())) {
				assertThat(child.awaitExit(Duration.ofSeconds(20))).as("exit code; output:%n%s", child.output())
					.isEqualTo(StartEmbeddedPostgresMain.IN_USE);
				assertThat(child.output()).contains("in use by another running Chorus")
					.doesNotContain(StartEmbeddedPostgresMain.READY);
			}
			// the refused process did not touch the running server
			assertThat(postmasterPid(folder)).contains(postmaster);
			assertThat(isAlive(postmaster)).isTrue();
			assertThat(queryOne(url, "select 1")).isEqualTo("1");
		}
		finally {
			server.release();
		}
	}

	@Test
	void aRestartAfterKillMinus9StopsTheOrphanedPostmasterAndKeepsTheData() throws Exception {
		Long orphan = null;
		EmbeddedPostgresServer server = null;
		try {
			try (ChildJvm child = ChildJvm.start(root.resolve("child.log"), StartEmbeddedPostgresMain.class,
					folder.toString())) {
				child.awaitOutput(StartEmbeddedPostgresMain.READY, Duration.ofSeconds(120));
				orphan = postmasterPid(folder).orElseThrow();

				child.killForcibly();
			}
			// The JVM is gone; its PostgreSQL is not, and still holds the data files.
			assertThat(isAlive(orphan)).as("postmaster %d outlives the killed JVM", orphan).isTrue();
			assertThat(ProcessHandle.of(orphan).orElseThrow().info().arguments().orElseThrow())
				.contains(folder.resolve("postgres").toString());

			server = EmbeddedPostgresServer.start(folder, true);

			long postmaster = postmasterPid(folder).orElseThrow();
			assertThat(postmaster).isNotEqualTo(orphan);
			assertThat(isAlive(orphan)).as("orphaned postmaster %d stopped", orphan).isFalse();
			String url = server.database("chorus");
			assertThat(queryOne(url, "select note from " + StartEmbeddedPostgresMain.TABLE + " where id = 1"))
				.isEqualTo(StartEmbeddedPostgresMain.NOTE);

			server.release();
			server = null;
			assertThat(awaitGone(postmaster, STOP)).as("postmaster %d stopped", postmaster).isTrue();
			assertThat(isAlive(orphan)).isFalse();
		}
		finally {
			if (server != null) {
				server.release();
			}
			stopLeftoverPostmaster(folder, orphan);
		}
	}

	@Test
	void aStalePidFileNamingSomeoneElsesPostgresLeavesThatPostgresAlone() throws Exception {
		// The folder's PostgreSQL went down without removing postmaster.pid (power cut, OOM killer), and since then
		// its pid has gone to another PostgreSQL: here the server of another data folder.
		EmbeddedPostgresServer.start(folder, false).release();
		Path otherFolder = root.resolve("other");
		EmbeddedPostgresServer bystander = EmbeddedPostgresServer.start(otherFolder, false);
		try {
			long bystanderPostmaster = postmasterPid(otherFolder).orElseThrow();
			List<String> stale = new ArrayList<>(Files.readAllLines(postmasterPidFile(otherFolder)));
			stale.set(1, folder.resolve("postgres").toString());
			Files.write(postmasterPidFile(folder), stale);

			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, false);
			try {
				assertThat(postmasterPid(folder)).isPresent().get().isNotEqualTo(bystanderPostmaster);
				assertThat(queryOne(server.database("chorus"), "select 1")).isEqualTo("1");
			}
			finally {
				server.release();
			}
			assertThat(isAlive(bystanderPostmaster)).as("the other folder's postmaster %d", bystanderPostmaster)
				.isTrue();
			assertThat(queryOne(bystander.database("chorus"), "select 1")).isEqualTo("1");
		}
		finally {
			bystander.release();
		}
	}
}
