package app.chorus.channels.internal.vault;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.channels.ChannelId;
import app.chorus.channels.spi.Credentials;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.crypto.Reencrypting;
import app.chorus.shared.crypto.UnreadableSecretException;
import app.chorus.shared.ids.WorkspaceId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credential vault: each channel's {@link Credentials}, sealed with the {@link MasterKey} and bound to the channel
 * id, in {@code channels.secrets}. The database holds only ciphertext; a row copied onto another channel does not
 * open. Every method is scoped by workspace: another workspace's id finds nothing.
 */
@Repository
public class CredentialVault implements Reencrypting {

	private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);

	/** The stored form, independent of the SPI record, so a change there cannot make stored secrets unreadable. */
	record Stored(int version, String accessToken, @Nullable String refreshToken, @Nullable Instant expiresAt,
			Map<String, String> extra) {
	}

	private final JdbcClient jdbc;
	private final MasterKey masterKey;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	CredentialVault(JdbcClient jdbc, MasterKey masterKey, Clock clock) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
		this.clock = clock;
	}

	/**
	 * Stores the channel's credentials, replacing what it had.
	 * @throws CredentialsNotFoundException when the channel does not exist in this workspace
	 */
	public void store(WorkspaceId workspace, ChannelId channel, Credentials credentials) {
		byte[] plaintext = json.writeValueAsBytes(new Stored(1, credentials.accessToken(), credentials.refreshToken(),
				credentials.expiresAt(), credentials.extra()));
		byte[] ciphertext = masterKey.seal(plaintext, associatedData(channel.value()));
		int written = jdbc.sql("""
				insert into channels.secrets (channel_id, workspace_id, ciphertext, key_id, updated_at)
				select c.id, c.workspace_id, ?, ?, ? from channels.channels c where c.id = ? and c.workspace_id = ?
				on conflict (channel_id) do update
				    set ciphertext = excluded.ciphertext, key_id = excluded.key_id, updated_at = excluded.updated_at
				    where channels.secrets.workspace_id = excluded.workspace_id""")
			.params(ciphertext, MasterKey.keyIdOf(ciphertext), Timestamp.from(clock.instant()), channel.value(),
					workspace.value())
			.update();
		if (written != 1) {
			throw new CredentialsNotFoundException(workspace, channel);
		}
	}

	/**
	 * The channel's credentials.
	 * @throws CredentialsNotFoundException when none are stored for the channel in this workspace
	 * @throws UnreadableSecretException when the stored ciphertext does not open with the master key for this channel
	 */
	public Credentials load(WorkspaceId workspace, ChannelId channel) {
		byte[] ciphertext = jdbc
			.sql("select ciphertext from channels.secrets where channel_id = ? and workspace_id = ?")
			.params(channel.value(), workspace.value())
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new CredentialsNotFoundException(workspace, channel));
		byte[] plaintext;
		try {
			plaintext = masterKey.open(ciphertext, associatedData(channel.value()));
		}
		catch (UnreadableSecretException e) {
			throw new UnreadableSecretException("The stored credentials of channel " + channel
					+ " cannot be opened with the master key: they were sealed under another key or for another "
					+ "channel, or altered", e);
		}
		Stored stored;
		try {
			stored = json.readValue(plaintext, Stored.class);
		}
		catch (JacksonException e) {
			// Not chained: a parser's message may quote the plaintext, and the cause would carry it into the log.
			throw new IllegalStateException("The stored credentials of channel " + channel
					+ " opened, but are not in a form this version reads (" + e.getClass().getSimpleName() + ")");
		}
		return new Credentials(stored.accessToken(), stored.refreshToken(), stored.expiresAt(), stored.extra());
	}

	/** Deletes the channel's credentials, if it has any in this workspace. */
	public void purge(WorkspaceId workspace, ChannelId channel) {
		jdbc.sql("delete from channels.secrets where channel_id = ? and workspace_id = ?")
			.params(channel.value(), workspace.value())
			.update();
	}

	@Override
	public String secretKind() {
		return "channel credentials";
	}

	@Override
	public int reencryptAll() {
		SealedRows.Resealed resealed = SealedRows.reseal(jdbc, masterKey, "channels.secrets",
				CredentialVault::associatedData);
		List<UUID> unreadable = resealed.unreadable();
		if (!unreadable.isEmpty()) {
			// Unreadable before the rotation already, so leaving them loses nothing; their channels must reconnect.
			log.warn("The credentials of {} channel(s) cannot be opened with the master key and were left as they are; "
					+ "those channels need to be connected again: {}", unreadable.size(), unreadable);
		}
		return resealed.count();
	}

	private static byte[] associatedData(UUID channel) {
		return ("chorus.channel:" + channel).getBytes(StandardCharsets.UTF_8);
	}
}
