package app.chorus.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a child JVM by the tests: a Chorus that starts its embedded PostgreSQL on the data folder given as the only
 * argument, writes one row, keeps a connection open (like a live pool), prints {@value #READY} and then waits to be
 * killed. It ends by itself when the test JVM goes away or after a few minutes, so it never outlives a broken run.
 */
public final class StartEmbeddedPostgresMain {

	static final String READY = "READY";
	static final int IN_USE = 3;
	static final String TABLE = "crash_survivor";
	static final String NOTE = "written before the kill";

	private StartEmbeddedPostgresMain() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server;
		try {
			server = EmbeddedPostgresServer.start(Path.of(args[0]), true);
		}
		catch (DataFolder.DataFolderInUseException e) {
			System.out.println("REFUSED: " + e.getMessage());
			System.out.flush();
			System.exit(IN_USE);
			return;
		}
		EmbeddedPostgresServer running = server;
		ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
			running.release();
			System.exit(2);
		}));
		String url = server.database("chorus");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("create table " + TABLE + " (id integer primary key, note text not null)");
			statement.execute("insert into " + TABLE + " values (1, '" + NOTE + "')");
		}
		Connection held = DriverManager.getConnection(url);
		System.out.println(READY + " port=" + server.port());
		System.out.flush();
		Thread.sleep(Duration.ofMinutes(5));
		held.close();
		server.release();
		System.exit(0);
	}
}
