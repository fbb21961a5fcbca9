package app.chorus.channels.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.channels.ChannelId;
import app.chorus.channels.spi.Credentials;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.crypto.UnreadableSecretException;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.support.ChorusIntegrationTest;

/**
 * The credential vault against the real database: what goes in comes out, the database holds no secret in any readable
 * form, a row copied to another channel does not open, another workspace finds nothing, and rotation re-seals it all.
 * Every test works in a workspace of its own.
 */
@ChorusIntegrationTest
class CredentialVaultIntegrationTests {

	@Autowired
	CredentialVault vault;

	@Autowired
	MasterKey masterKey;

	@Autowired
	JdbcClient jdbc;

	private final WorkspaceId workspace = WorkspaceId.next();

	@Test
	void storedCredentialsComeBackAsTheyWentIn() {
		ChannelId channel = channel(workspace);
		Credentials credentials = credentials();

		vault.store(workspace, channel, credentials);

		assertThat(vault.load(workspace, channel)).isEqualTo(credentials);
		Credentials refreshed = new Credentials("at-refreshed-" + UUID.randomUUID(), null, null, Map.of());
		vault.store(workspace, channel, refreshed);
		assertThat(vault.load(workspace, channel)).isEqualTo(refreshed);
		assertThat(jdbc.sql("select count(*) from channels.secrets where channel_id = ?").param(channel.value())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theDatabaseHoldsNoSecretInAnyReadableForm() {
		ChannelId channel = channel(workspace);
		Credentials credentials = credentials();
		vault.store(workspace, channel, credentials);
		List<String> secrets = List.of(credentials.accessToken(), credentials.refreshToken(),
				credentials.extra().get("appPassword"));

		List<RawValue> everything = rawValuesOfEveryTable();

		assertThat(everything).as("the scan reads the vault's row")
			.anySatisfy(value -> assertThat(value.table()).isEqualTo("channels.secrets"));
		for (String secret : secrets) {
			byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
			List<String> forms = List.of(secret, Base64.getEncoder().encodeToString(utf8),
					Base64.getUrlEncoder().withoutPadding().encodeToString(utf8), HexFormat.of().formatHex(utf8));
			for (RawValue value : everything) {
				for (String form : forms) {
					assertThat(contains(value.bytes(), form.getBytes(StandardCharsets.UTF_8)))
						.as("%s.%s holds %s", value.table(), value.column(), form)
						.isFalse();
				}
			}
		}
		assertThat(vault.load(workspace, channel)).isEqualTo(credentials);
	}

	@Test
	void aCiphertextCopiedToAnotherChannelDoesNotOpen() {
		ChannelId victim = channel(workspace);
		ChannelId attacker = channel(workspace);
		vault.store(workspace, victim, credentials());
		vault.store(workspace, attacker, credentials());

		jdbc.sql("""
				update channels.secrets set ciphertext = (select ciphertext from channels.secrets where channel_id = ?)
				where channel_id = ?""")
			.params(victim.value(), attacker.value())
			.update();

		assertThatThrownBy(() -> vault.load(workspace, attacker)).isInstanceOf(UnreadableSecretException.class)
			.hasMessageContaining(attacker.toString());
		assertThat(vault.load(workspace, victim).accessToken()).startsWith("at-");
		vault.purge(workspace, attacker);
	}

	@Test
	void anotherWorkspaceCannotLoadReplaceOrPurgeTheCredentials() {
		ChannelId channel = channel(workspace);
		Credentials credentials = credentials();
		vault.store(workspace, channel, credentials);
		WorkspaceId other = WorkspaceId.next();

		assertThatThrownBy(() -> vault.load(other, channel)).isInstanceOfSatisfying(CredentialsNotFoundException.class,
				e -> assertThat(e.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> vault.store(other, channel, credentials()))
			.isInstanceOf(CredentialsNotFoundException.class);
		vault.purge(other, channel);

		assertThat(vault.load(workspace, channel)).isEqualTo(credentials);
	}

	@Test
	void purgeLeavesNoRowAndAMissingChannelSaysSo() {
		ChannelId channel = channel(workspace);
		vault.store(workspace, channel, credentials());

		vault.purge(workspace, channel);

		assertThat(jdbc.sql("select count(*) from channels.secrets where channel_id = ?").param(channel.value())
			.query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> vault.load(workspace, channel)).isInstanceOf(CredentialsNotFoundException.class)
			.hasMessageContaining(channel.toString());
		assertThatThrownBy(() -> vault.store(workspace, ChannelId.next(), credentials()))
			.isInstanceOf(CredentialsNotFoundException.class);
	}

	@Test
	void removingTheChannelRemovesItsCredentials() {
		ChannelId channel = channel(workspace);
		vault.store(workspace, channel, credentials());

		jdbc.sql("delete from channels.channels where id = ?").param(channel.value()).update();

		assertThat(jdbc.sql("select count(*) from channels.secrets where channel_id = ?").param(channel.value())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void afterAKeyRotationEverySecretIsResealedUnderTheNewKeyAndStillLoads() {
		ChannelId first = channel(workspace);
		ChannelId second = channel(workspace);
		ChannelId tampered = channel(workspace);
		Credentials one = credentials();
		Credentials two = credentials();
		vault.store(workspace, first, one);
		vault.store(workspace, second, two);
		vault.store(workspace, tampered, credentials());
		jdbc.sql("update channels.secrets set ciphertext = ? where channel_id = ?")
			.params(jdbc.sql("select ciphertext from channels.secrets where channel_id = ?").param(first.value())
				.query(byte[].class).single(), tampered.value())
			.update();
		long before = masterKey.primaryKeyId();
		assertThat(keyIdOf(first)).isEqualTo(before);

		long primary = masterKey.rotate();
		int resealed = vault.reencryptAll();

		assertThat(primary).isNotEqualTo(before);
		assertThat(resealed).isGreaterThanOrEqualTo(2);
		assertThat(keyIdOf(first)).isEqualTo(primary);
		assertThat(keyIdOf(second)).isEqualTo(primary);
		assertThat(vault.load(workspace, first)).isEqualTo(one);
		assertThat(vault.load(workspace, second)).isEqualTo(two);
		// a row that did not open before the rotation is left as it was, and does not stop the rotation
		assertThat(keyIdOf(tampered)).isEqualTo(before);
		assertThatThrownBy(() -> vault.load(workspace, tampered)).isInstanceOf(UnreadableSecretException.class);
		vault.purge(workspace, tampered);
		assertThat(jdbc.sql("select count(*) from channels.secrets where workspace_id = ? and key_id <> ?")
			.params(workspace.value(), primary).query(Integer.class).single()).isZero();
		assertThat(vault.reencryptAll()).as("nothing left to do").isZero();
	}

	private long keyIdOf(ChannelId channel) {
		return jdbc.sql("select key_id from channels.secrets where channel_id = ?").param(channel.value())
			.query(Long.class).single();
	}

	private static Credentials credentials() {
		String id = UUID.randomUUID().toString();
		Instant expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
		return new Credentials("at-" + id, "rt-" + id, expires, Map.of("appPassword", "ap-" + id));
	}

	private ChannelId channel(WorkspaceId owner) {
		ChannelId channel = ChannelId.next();
		jdbc.sql("""
				insert into channels.channels (id, workspace_id, network, name, account_id, handle, endpoint, status,
				    connected_by, connected_at)
				values (?, ?, 'bluesky', 'Brand', ?, 'brand.example', 'https://bsky.social', 'connected', ?, ?)""")
			.params(channel.value(), owner.value(), "did:plc:" + channel, Ids.next(), Timestamp.from(Instant.now()))
			.update();
		return channel;
	}

	private record RawValue(String table, String column, byte[] bytes) {
	}

	/** Every value of every row of every table of ours, as PostgreSQL hands it out, plus each row as text. */
	private List<RawValue> rawValuesOfEveryTable() {
		List<String> tables = jdbc.sql("""
				select table_schema || '.' || table_name from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")
			.query(String.class).list();
		List<RawValue> values = new ArrayList<>();
		for (String table : tables) {
			jdbc.sql("select t.*, t::text as row_as_text from " + table + " t").query((ResultSet rs) -> {
				ResultSetMetaData columns = rs.getMetaData();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					Object value = rs.getObject(i);
					byte[] bytes = value instanceof byte[] raw ? raw
							: String.valueOf(value).getBytes(StandardCharsets.UTF_8);
					values.add(new RawValue(table, columns.getColumnName(i), bytes));
				}
			});
		}
		return values;
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
