package app.chorus.inbox.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on PostgreSQL for inbox signals from every node (this one included) and hands them to {@link LiveInbox}.
 * It holds a connection of its own, outside the pool, and opens a new one after a failure, waiting longer each time
 * up to half a minute; signals sent while it was away are not replayed (a client that reconnects reads afresh).
 */
@Component
class InboxListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboxListener.class);
	private static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final DataSource dataSource;
	private final LiveInbox live;
	private final JsonMapper json = JsonMapper.builder().build();
	private volatile boolean running;
	private volatile boolean listening;
	private Thread thread;

	InboxListener(DataSource dataSource, LiveInbox live) {
		this.dataSource = dataSource;
		this.live = live;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().daemon().name("inbox-listener").start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Whether the listening connection is up (for tests and health). */
	boolean listening() {
		return listening;
	}

	private void listen() {
		Duration wait = Duration.ofSeconds(1);
		while (running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + InboxSignals.CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				listening = true;
				wait = Duration.ofSeconds(1);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(1000);
					if (notifications == null) {
						continue;
					}
					deliver(notifications);
				}
			}
			catch (SQLException | RuntimeException e) {
				listening = false;
				if (!running) {
					return;
				}
				log.warn("Live inbox updates stopped ({}); listening again in {} s", e.getMessage(), wait.toSeconds());
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
			}
		}
		listening = false;
	}

	/** What one wait brought (all that arrived meanwhile), handed on together. */
	private void deliver(PGNotification[] notifications) {
		List<InboxSignal> signals = new ArrayList<>(notifications.length);
		for (PGNotification notification : notifications) {
			try {
				signals.add(json.readValue(notification.getParameter(), InboxSignal.class));
			}
			catch (RuntimeException e) {
				log.warn("An inbox signal could not be read and was dropped: {}", e.getMessage());
			}
		}
		try {
			live.deliver(signals);
		}
		catch (RuntimeException e) {
			log.warn("{} inbox signals could not be passed on to the live streams: {}", signals.size(), e.toString());
		}
	}

	/** A connection of its own: a pooled one would be held for ever. */
	private Connection connect() throws SQLException {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return dataSource.getConnection();
	}
}
