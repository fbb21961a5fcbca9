package app.chorus.shared.database;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server Chorus runs itself when no external database is configured. Its files live in
 * {@code <data folder>/postgres} and survive restarts. One server per data folder and JVM; application contexts share it
 * and the last one to let go stops it.
 *
 * <p>After a crash of the JVM (kill -9) the postmaster keeps running and holds the data files; the next start stops that
 * orphan first, so a crash never needs a person to clean up.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
	private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
	private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,6}(kB|MB|GB|TB)");
	/** The {@code shared_buffers} setting that sizes them from the machine's memory. */
	public static final String AUTO = "auto";

	private final DataFolder folder;
	private final EmbeddedPostgres postgres;
	private int users;

	private EmbeddedPostgresServer(DataFolder folder, EmbeddedPostgres postgres) {
		this.folder = folder;
		this.postgres = postgres;
	}

	/**
	 * Starts the server for this data folder, or joins the one this JVM already runs.
	 * @param durable {@code true} keeps PostgreSQL's crash-safe defaults (fsync, synchronous commit); tests may trade them
	 * for speed
	 */
	public static synchronized EmbeddedPostgresServer start(Path dataFolder, boolean durable) {
		return start(dataFolder, durable, AUTO);
	}

	/**
	 * As {@link #start(Path, boolean)}, with PostgreSQL's {@code shared_buffers} (its own cache of table and index
	 * pages) set: {@value #AUTO} for a quarter of the machine's memory, at least 128 MB and at most 2 GB, or a size
	 * such as {@code 512MB} or {@code 4GB}.
	 * @throws IllegalArgumentException when the size is not one
	 */
	public static synchronized EmbeddedPostgresServer start(Path dataFolder, boolean durable, String sharedBuffers) {
		String buffers = sharedBuffers(sharedBuffers);
		DataFolder folder = DataFolder.open(dataFolder);
		EmbeddedPostgresServer server = RUNNING.get(folder.path());
		if (server == null) {
			try {
				server = new EmbeddedPostgresServer(folder, launch(folder.path().resolve("postgres"), durable, buffers));
			}
			catch (RuntimeException e) {
				folder.release();
				throw e;
			}
			RUNNING.put(folder.path(), server);
		}
		else {
			folder.release();
		}
		server.users++;
		return server;
	}

	/** {@code shared_buffers} as PostgreSQL takes it, from the setting. */
	static String sharedBuffers(String setting) {
		String value = setting.strip();
		if (value.equalsIgnoreCase(AUTO)) {
			long machine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getTotalMemorySize();
			long quarter = machine / 4 / (1024 * 1024);
			return Math.clamp(quarter, 128, 2048) + "MB";
		}
		if (!SIZE.matcher(value).matches()) {
			throw new IllegalArgumentException("The embedded PostgreSQL's shared buffers must be \"" + AUTO
					+ "\" or a size such as 512MB or 4GB, not \"" + setting + "\"");
		}
		return value;
	}

	private static EmbeddedPostgres launch(Path pgData, boolean durable, String sharedBuffers) {
		try {
			Files.createDirectories(pgData);
			stopOrphanedPostmaster(pgData);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "200")
				// PostgreSQL's default (128 MB) is sized for a machine it shares with much else; the inbox's lists and
				// searches over millions of messages read thousands of pages, which then come from the system's
				// file cache one system call at a time
				.setServerConfig("shared_buffers", sharedBuffers);
			if (durable) {
				// The embedded server's launcher passes -F (fsync off); settings given after it win.
				builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			else {
				builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off");
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), pgData);
			return postgres;
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": "
					+ e.getMessage(), e);
		}
	}

	/**
	 * A postmaster whose JVM died without stopping it still runs and holds the data files. We own the data folder (its
	 * lock is ours), so no live Chorus uses that postmaster: stop it the way PostgreSQL recommends (smart, then fast).
	 */
	private static void stopOrphanedPostmaster(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.getFirst().strip());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return;
		}
		switch (owner(process.get(), pgData)) {
			case THIS_POSTMASTER -> {
				// stopped below
			}
			case SOMETHING_ELSE -> {
				// The file outlived its postmaster (power cut, OOM killer) and the pid went to another process, maybe
				// another PostgreSQL: leave that alone, and drop the stale file PostgreSQL would refuse to start on.
				log.warn("Removing the stale {}: pid {} is no longer PostgreSQL on this folder", pidFile, pid);
				Files.delete(pidFile);
				return;
			}
			case UNKNOWN -> {
				return;
			}
		}
		log.warn("Found PostgreSQL (pid {}) still running on {} from a Chorus that did not stop cleanly; stopping it",
				pid, pgData);
		ProcessHandle postmaster = process.get();
		postmaster.destroy();
		if (!waitForExit(postmaster, Duration.ofSeconds(30))) {
			postmaster.destroyForcibly();
			if (!waitForExit(postmaster, Duration.ofSeconds(10))) {
				throw new IllegalStateException("PostgreSQL (pid " + pid + ") still holds " + pgData
						+ " and does not stop; stop it by hand and start Chorus again.");
			}
		}
	}

	private enum PidOwner {
		THIS_POSTMASTER, SOMETHING_ELSE, UNKNOWN
	}

	/** Whether a live pid is this folder's postmaster ({@code postgres -D <pgData> ...}); unknown when unreadable. */
	private static PidOwner owner(ProcessHandle process, Path pgData) {
		ProcessHandle.Info info = process.info();
		if (info.command().isEmpty()) {
			return PidOwner.UNKNOWN;
		}
		if (!info.command().get().contains("postgres")) {
			return PidOwner.SOMETHING_ELSE;
		}
		String[] arguments = info.arguments().orElse(new String[0]);
		for (int i = 0; i + 1 < arguments.length; i++) {
			if (arguments[i].equals("-D")) {
				try {
					Path dataDirectory = Path.of(arguments[i + 1]);
					if (!dataDirectory.isAbsolute()) {
						return PidOwner.UNKNOWN;
					}
					return dataDirectory.normalize().equals(pgData) || Files.exists(dataDirectory)
							&& Files.isSameFile(dataDirectory, pgData) ? PidOwner.THIS_POSTMASTER
									: PidOwner.SOMETHING_ELSE;
				}
				catch (IOException | RuntimeException e) {
					return PidOwner.UNKNOWN;
				}
			}
		}
		return PidOwner.UNKNOWN;
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException e) {
			return false;
		}
		catch (java.util.concurrent.ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/** Creates the database when it does not exist yet and returns its JDBC URL (user {@code postgres}, no password). */
	public String database(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a valid database name: " + name);
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			boolean exists;
			try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
				query.setString(1, name);
				try (ResultSet rows = query.executeQuery()) {
					exists = rows.next();
				}
			}
			if (!exists) {
				try (Statement create = connection.createStatement()) {
					create.execute("create database " + name + " encoding 'UTF8' template template0");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the database " + name + ": " + e.getMessage(), e);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	public int port() {
		return postgres.getPort();
	}

	/** Lets go of the server; the last user stops it. */
	public void release() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--users > 0) {
				return;
			}
			RUNNING.remove(folder.path());
			try {
				postgres.close();
			}
			catch (IOException e) {
				log.error("Could not stop the embedded PostgreSQL cleanly", e);
			}
			finally {
				folder.release();
			}
		}
	}
}
