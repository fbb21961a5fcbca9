package app.chorus.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Fresh folders under target/db-tests, and small looks at the PostgreSQL processes the tests start. */
public final class DbTestSupport {

	private DbTestSupport() {
	}

	/** A new empty folder of its own, so tests never meet each other's (or the suite's) data. */
	public static Path freshFolder() throws IOException {
		return Files.createDirectories(
				Path.of("target", "db-tests", UUID.randomUUID().toString()).toAbsolutePath().normalize());
	}

	/** Deletes the folder if it can; a leftover under target/ is harmless, so nothing here fails a test. */
	public static void deleteQuietly(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException e) {
					// left behind under target/
				}
			});
		}
		catch (IOException | RuntimeException e) {
			// left behind under target/
		}
	}

	static Path postmasterPidFile(Path dataFolder) {
		return dataFolder.resolve("postgres").resolve("postmaster.pid");
	}

	/** The postmaster PostgreSQL itself recorded for the folder, when it recorded one. */
	static Optional<Long> postmasterPid(Path dataFolder) throws IOException {
		Path pidFile = postmasterPidFile(dataFolder);
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
	}

	static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** Waits (bounded) for a process to be gone; a stopped postmaster removes its pid file a moment before it exits. */
	static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isAlive(pid)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	/**
	 * Clean-up after a failed test: stops the folder's postmaster (the one its pid file names, or the given one) when it
	 * would otherwise outlive the test. Only a postgres process started on this very folder is touched.
	 */
	public static void stopLeftoverPostmaster(Path dataFolder, Long knownPid) throws InterruptedException {
		Long pid = knownPid;
		if (pid == null) {
			try {
				pid = postmasterPid(dataFolder).orElse(null);
			}
			catch (IOException | RuntimeException e) {
				return;
			}
		}
		String pgData = dataFolder.resolve("postgres").toString();
		Optional<ProcessHandle> process = pid == null ? Optional.empty()
				: ProcessHandle.of(pid)
					.filter(ProcessHandle::isAlive)
					.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
					.filter(p -> p.info().arguments().map(List::of).map(a -> a.contains(pgData)).orElse(false));
		if (process.isEmpty()) {
			return;
		}
		process.get().destroy();
		try {
			process.get().onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			process.get().destroyForcibly();
		}
	}

	static String show(String jdbcUrl, String setting) throws SQLException {
		return queryOne(jdbcUrl, "show " + setting);
	}

	static String queryOne(String jdbcUrl, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).as("a row from: %s", sql).isTrue();
			String value = rows.getString(1);
			assertThat(rows.next()).as("only one row from: %s", sql).isFalse();
			return value;
		}
	}

	static void execute(String jdbcUrl, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}
}
