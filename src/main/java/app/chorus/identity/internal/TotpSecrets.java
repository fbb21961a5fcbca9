package app.chorus.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.crypto.Reencrypting;
import app.chorus.shared.crypto.UnreadableSecretException;
import app.chorus.shared.ids.UserId;

/**
 * Each person's TOTP secret, sealed with the {@link MasterKey} and bound to their user id (columns
 * {@code totp_secret_sealed} and {@code totp_key_id} of {@code identity.users}). Secrets stored in plain text by
 * versions before the vault ({@code totp_secret}) still work until {@link #sealPlaintext()} seals them, which
 * happens at every start.
 */
@Repository
class TotpSecrets implements Reencrypting {

	private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);
	private static final int BATCH = 100;

	private final JdbcClient jdbc;
	private final MasterKey masterKey;

	TotpSecrets(JdbcClient jdbc, MasterKey masterKey) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
	}

	/** Turns two-factor sign-in on with this secret (sealed), replacing any earlier one. */
	void enable(UserId user, String secret, Instant now) {
		byte[] sealed = seal(user.value(), secret);
		jdbc.sql("""
				update identity.users
				set totp_secret_sealed = ?, totp_key_id = ?, totp_secret = null, totp_enabled_at = ?
				where id = ?""")
			.params(sealed, MasterKey.keyIdOf(sealed), Timestamp.from(now), user.value())
			.update();
	}

	/** The person's secret, when two-factor sign-in is on. */
	Optional<String> of(UserId user) {
		return jdbc.sql("""
				select totp_secret_sealed, totp_secret from identity.users
				where id = ? and totp_enabled_at is not null""")
			.param(user.value())
			.query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2)))
			.optional()
			.flatMap(stored -> stored.sealed() != null ? Optional.of(open(user.value(), stored.sealed()))
					: Optional.ofNullable(stored.plaintext()));
	}

	private record Stored(byte @Nullable [] sealed, @Nullable String plaintext) {
	}

	/** Seals the secrets still in plain text and empties that column; returns how many. */
	int sealPlaintext() {
		int count = 0;
		while (true) {
			List<Plain> plain = jdbc
				.sql("select id, totp_secret from identity.users where totp_secret is not null limit ?")
				.param(BATCH)
				.query((rs, n) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2)))
				.list();
			if (plain.isEmpty()) {
				return count;
			}
			for (Plain row : plain) {
				byte[] sealed = seal(row.userId(), row.secret());
				count += jdbc.sql("""
						update identity.users set totp_secret_sealed = ?, totp_key_id = ?, totp_secret = null
						where id = ? and totp_secret = ?""")
					.params(sealed, MasterKey.keyIdOf(sealed), row.userId(), row.secret())
					.update();
			}
		}
	}

	@Override
	public String secretKind() {
		return "two-factor secrets";
	}

	@Override
	public int reencryptAll() {
		int count = sealPlaintext();
		List<UUID> unreadable = new ArrayList<>();
		UUID after = new UUID(0, 0); // the nil UUID sorts first; no user has it
		while (true) {
			List<Stale> stale = jdbc.sql("""
					select id, totp_secret_sealed from identity.users
					where totp_secret_sealed is not null and totp_key_id <> ? and id > ?
					order by id limit ?""")
				.params(masterKey.primaryKeyId(), after, BATCH)
				.query((rs, n) -> new Stale(rs.getObject(1, UUID.class), rs.getBytes(2)))
				.list();
			if (stale.isEmpty()) {
				break;
			}
			for (Stale row : stale) {
				byte[] resealed;
				try {
					resealed = seal(row.userId(), open(row.userId(), row.sealed()));
				}
				catch (UnreadableSecretException e) {
					unreadable.add(row.userId());
					continue;
				}
				// Compared with what was read, so a secret enrolled meanwhile is never overwritten with the old one.
				count += jdbc.sql("""
						update identity.users set totp_secret_sealed = ?, totp_key_id = ?
						where id = ? and totp_secret_sealed = ?""")
					.params(resealed, MasterKey.keyIdOf(resealed), row.userId(), row.sealed())
					.update();
			}
			after = stale.getLast().userId();
		}
		if (!unreadable.isEmpty()) {
			// Already unreadable before the rotation; those people sign in with a recovery code and enrol again.
			log.warn("The two-factor secrets of {} account(s) cannot be opened with the master key and were left as "
					+ "they are; those people need a recovery code to sign in: {}", unreadable.size(), unreadable);
		}
		return count;
	}

	private record Plain(UUID userId, String secret) {
	}

	private record Stale(UUID userId, byte[] sealed) {
	}

	private byte[] seal(UUID user, String secret) {
		return masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), associatedData(user));
	}

	private String open(UUID user, byte[] sealed) {
		return new String(masterKey.open(sealed, associatedData(user)), StandardCharsets.UTF_8);
	}

	private static byte[] associatedData(UUID user) {
		return ("chorus.totp:" + user).getBytes(StandardCharsets.UTF_8);
	}
}
