package app.chorus.channels.internal.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.crypto.UnreadableSecretException;

/**
 * Sealing anew, under the master key's primary key, the rows of a table of the channels module that keeps one sealed
 * secret per channel ({@code channel_id}, {@code ciphertext}, {@code key_id}), a batch at a time.
 */
final class SealedRows {

	private static final int BATCH = 100;

	/** What sealing anew did: the rows sealed again, and the channels whose secret did not open (left as they were). */
	record Resealed(int count, List<UUID> unreadable) {
	}

	private SealedRows() {
	}

	/**
	 * @param table a table name written in the code, never input
	 * @param associatedData what each channel's secret is bound to
	 */
	static Resealed reseal(JdbcClient jdbc, MasterKey masterKey, String table,
			Function<UUID, byte[]> associatedData) {
		int count = 0;
		List<UUID> unreadable = new ArrayList<>();
		UUID after = new UUID(0, 0); // the nil UUID sorts first; no channel has it
		while (true) {
			List<Row> stale = jdbc.sql("select channel_id, ciphertext from " + table
					+ " where key_id <> ? and channel_id > ? order by channel_id limit ?")
				.params(masterKey.primaryKeyId(), after, BATCH)
				.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2)))
				.list();
			if (stale.isEmpty()) {
				break;
			}
			for (Row row : stale) {
				byte[] bound = associatedData.apply(row.channelId());
				byte[] resealed;
				try {
					resealed = masterKey.seal(masterKey.open(row.ciphertext(), bound), bound);
				}
				catch (UnreadableSecretException e) {
					unreadable.add(row.channelId());
					continue;
				}
				// compared with the ciphertext read: a secret stored meanwhile is never overwritten with the old one
				count += jdbc.sql("update " + table + " set ciphertext = ?, key_id = ? where channel_id = ? "
						+ "and ciphertext = ?")
					.params(resealed, MasterKey.keyIdOf(resealed), row.channelId(), row.ciphertext())
					.update();
			}
			after = stale.getLast().channelId();
		}
		return new Resealed(count, List.copyOf(unreadable));
	}

	private record Row(UUID channelId, byte[] ciphertext) {
	}
}
