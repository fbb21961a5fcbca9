package app.chorus.channels.internal.vault;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.channels.ChannelId;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.crypto.Reencrypting;
import app.chorus.shared.crypto.UnreadableSecretException;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Each channel's incoming-webhook secret, in {@code channels.webhook_secrets}, sealed with the {@link MasterKey} and
 * bound to the channel id (a row copied onto another channel does not open). Every method that reads tenant data is
 * scoped by workspace, except {@link #workspaceOf}, which is how an unauthenticated delivery finds its workspace.
 */
@Repository
public class WebhookSecrets implements Reencrypting {

	private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

	private final JdbcClient jdbc;
	private final MasterKey masterKey;

	WebhookSecrets(JdbcClient jdbc, MasterKey masterKey) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
	}

	/**
	 * Stores the channel's secret, replacing any earlier one.
	 * @return false when the workspace has no such channel (nothing was stored)
	 */
	public boolean store(WorkspaceId workspace, ChannelId channel, String secret, Instant now) {
		byte[] ciphertext = masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), associatedData(channel.value()));
		return jdbc.sql("""
				insert into channels.webhook_secrets (channel_id, workspace_id, ciphertext, key_id, created_at)
				select c.id, c.workspace_id, ?, ?, ? from channels.channels c where c.id = ? and c.workspace_id = ?
				on conflict (channel_id) do update
				    set ciphertext = excluded.ciphertext, key_id = excluded.key_id, created_at = excluded.created_at
				    where channels.webhook_secrets.workspace_id = excluded.workspace_id""")
			.params(ciphertext, MasterKey.keyIdOf(ciphertext), Timestamp.from(now), channel.value(),
					workspace.value())
			.update() == 1;
	}

	/** When the channel's current secret was made, if it has one. */
	public Optional<Instant> createdAt(WorkspaceId workspace, ChannelId channel) {
		return jdbc.sql("select created_at from channels.webhook_secrets where channel_id = ? and workspace_id = ?")
			.params(channel.value(), workspace.value())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/** The workspace of a channel that has a webhook secret; empty for any other id. */
	public Optional<WorkspaceId> workspaceOf(ChannelId channel) {
		return jdbc.sql("select workspace_id from channels.webhook_secrets where channel_id = ?")
			.param(channel.value())
			.query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/**
	 * The channel's secret.
	 * @throws UnreadableSecretException when it does not open with the master key for this channel
	 */
	public Optional<String> load(WorkspaceId workspace, ChannelId channel) {
		return jdbc.sql("select ciphertext from channels.webhook_secrets where channel_id = ? and workspace_id = ?")
			.params(channel.value(), workspace.value())
			.query(byte[].class)
			.optional()
			.map(ciphertext -> new String(masterKey.open(ciphertext, associatedData(channel.value())),
					StandardCharsets.UTF_8));
	}

	/** @return whether the channel had a secret in this workspace */
	public boolean remove(WorkspaceId workspace, ChannelId channel) {
		return jdbc.sql("delete from channels.webhook_secrets where channel_id = ? and workspace_id = ?")
			.params(channel.value(), workspace.value())
			.update() == 1;
	}

	@Override
	public String secretKind() {
		return "channel webhook secrets";
	}

	@Override
	public int reencryptAll() {
		SealedRows.Resealed resealed = SealedRows.reseal(jdbc, masterKey, "channels.webhook_secrets",
				WebhookSecrets::associatedData);
		List<UUID> unreadable = resealed.unreadable();
		if (!unreadable.isEmpty()) {
			log.warn("The webhook secrets of {} channel(s) cannot be opened with the master key and were left as they "
					+ "are; make new ones for those channels: {}", unreadable.size(), unreadable);
		}
		return resealed.count();
	}

	private static byte[] associatedData(UUID channel) {
		return ("chorus.channel-webhook:" + channel).getBytes(StandardCharsets.UTF_8);
	}
}
