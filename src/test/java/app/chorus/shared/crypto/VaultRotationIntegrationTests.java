package app.chorus.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.channels.ChannelId;
import app.chorus.channels.internal.vault.CredentialVault;
import app.chorus.channels.internal.vault.WebhookSecrets;
import app.chorus.channels.spi.Credentials;
import app.chorus.identity.UserAccount;
import app.chorus.identity.internal.SignIn;
import app.chorus.identity.internal.Totp;
import app.chorus.identity.internal.TwoFactorService;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;

/**
 * A whole key rotation in the running application: every store (channel credentials, two-factor secrets) is re-sealed
 * under the new key, everything still works, and the old key no longer opens anything.
 */
@ChorusIntegrationTest
class VaultRotationIntegrationTests {

	@Autowired
	VaultRotation rotation;

	@Autowired
	MasterKey masterKey;

	@Autowired
	CredentialVault vault;

	@Autowired
	WebhookSecrets webhookSecrets;

	@Autowired
	TwoFactorService twoFactor;

	@Autowired
	SignIn signIn;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rotationResealsEveryStoreAndRetiresTheOldKey() {
		WorkspaceId workspace = WorkspaceId.next();
		ChannelId channel = channel(workspace);
		Credentials credentials = new Credentials("at-rotation", "rt-rotation", null,
				Map.of("appPassword", "ap-rotation"));
		vault.store(workspace, channel, credentials);
		webhookSecrets.store(workspace, channel, "webhook-secret-rotation", Instant.now());
		UserAccount person = world.person("rotation");
		String secret = twoFactor.offer(person, "Chorus").secret();
		twoFactor.confirm(person, secret, Totp.code(secret, Instant.now()));
		byte[] sealedBefore = jdbc.sql("select ciphertext from channels.secrets where channel_id = ?")
			.param(channel.value()).query(byte[].class).single();
		long oldKey = masterKey.primaryKeyId();
		String instance = "https://rotation-" + System.nanoTime() + ".example";
		byte[] appSecret = masterKey.seal("client-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				("chorus.oauth-app:mastodon:" + instance).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		jdbc.sql("""
				insert into channels.oauth_apps (network, instance_url, redirect_uri, client_id, client_secret, key_id,
				    scopes, created_at)
				values ('mastodon', ?, 'http://localhost/channels/oauth/callback', 'client', ?, ?, 'read', now())""")
			.params(instance, appSecret, MasterKey.keyIdOf(appSecret)).update();

		VaultRotation.Outcome outcome = rotation.rotate();

		assertThat(outcome.primaryKeyId()).isNotEqualTo(oldKey).isEqualTo(masterKey.primaryKeyId());
		assertThat(outcome.reencrypted())
			.containsOnlyKeys("channel credentials", "channel webhook secrets", "two-factor secrets",
					"OAuth application secrets")
			.allSatisfy((kind, count) -> assertThat(count).as(kind).isPositive());
		assertThat(outcome.retiredKeys()).isPositive();
		assertThat(jdbc.sql("select key_id from channels.secrets where channel_id = ?").param(channel.value())
			.query(Long.class).single()).isEqualTo(outcome.primaryKeyId());
		assertThat(jdbc.sql("select totp_key_id from identity.users where id = ?").param(person.id().value())
			.query(Long.class).single()).isEqualTo(outcome.primaryKeyId());
		assertThat(vault.load(workspace, channel)).isEqualTo(credentials);
		assertThat(webhookSecrets.load(workspace, channel)).contains("webhook-secret-rotation");
		assertThat(jdbc.sql("select key_id from channels.webhook_secrets where channel_id = ?").param(channel.value())
			.query(Long.class).single()).isEqualTo(outcome.primaryKeyId());
		assertThat(jdbc.sql("select key_id from channels.oauth_apps where instance_url = ?").param(instance)
			.query(Long.class).single()).isEqualTo(outcome.primaryKeyId());
		assertThat(signIn.checkSecondFactor(person.id(), Totp.code(secret, Instant.now().plusSeconds(30)),
				RequestOrigin.internal()))
			.contains("password+totp");
		// a stolen copy of the row as it was, sealed under the retired key, opens no more
		assertThatThrownBy(() -> masterKey.open(sealedBefore,
				("chorus.channel:" + channel).getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(UnreadableSecretException.class);
		assertThat(masterKey.previousLocation()).doesNotExist();
		assertThat(MasterKey.load(masterKey.location(), masterKey.location().getParent()).primaryKeyId())
			.isEqualTo(outcome.primaryKeyId());
	}

	private ChannelId channel(WorkspaceId workspace) {
		ChannelId channel = ChannelId.next();
		jdbc.sql("""
				insert into channels.channels (id, workspace_id, network, name, account_id, handle, endpoint, status,
				    connected_by, connected_at)
				values (?, ?, 'mastodon', 'Brand', ?, 'brand@example.social', 'https://example.social', 'connected',
				    ?, ?)""")
			.params(channel.value(), workspace.value(), channel.toString(), Ids.next(), Timestamp.from(Instant.now()))
			.update();
		return channel;
	}
}
