package app.chorus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.crypto.UnreadableSecretException;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;

/**
 * TOTP secrets at rest: one stored in plain text by a version before the vault keeps working and is sealed at the next
 * start; a sealed secret is bound to its account.
 */
@ChorusIntegrationTest
class TotpSecretsIntegrationTests {

	@Autowired
	TotpSecrets totpSecrets;

	@Autowired
	SignIn signIn;

	@Autowired
	Users users;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecretLeftInPlainTextStillSignsInAndIsSealedAtStartUp() {
		UserAccount person = world.person("legacy-2fa");
		String secret = Totp.newSecret();
		// what a version before the vault wrote
		jdbc.sql("update identity.users set totp_secret = ?, totp_enabled_at = ? where id = ?")
			.params(secret, Timestamp.from(Instant.now()), person.id().value())
			.update();

		assertThat(signIn.checkSecondFactor(person.id(), Totp.code(secret, Instant.now()), RequestOrigin.internal()))
			.contains("password+totp");

		assertThat(totpSecrets.sealPlaintext()).isGreaterThanOrEqualTo(1);

		String row = jdbc.sql("select u::text from identity.users u where id = ?").param(person.id().value())
			.query(String.class).single();
		assertThat(row).doesNotContain(secret);
		assertThat(jdbc.sql("select totp_secret is null and totp_secret_sealed is not null from identity.users "
				+ "where id = ?").param(person.id().value()).query(Boolean.class).single()).isTrue();
		assertThat(totpSecrets.of(person.id())).contains(secret);
		assertThat(totpSecrets.sealPlaintext()).as("nothing left in plain text").isZero();
	}

	@Test
	void aSealedSecretCopiedToAnotherAccountDoesNotOpenAndDisablingClearsIt() {
		UserAccount victim = world.person("victim-2fa");
		UserAccount attacker = world.person("attacker-2fa");
		String secret = Totp.newSecret();
		totpSecrets.enable(victim.id(), secret, Instant.now());
		totpSecrets.enable(attacker.id(), Totp.newSecret(), Instant.now());

		jdbc.sql("""
				update identity.users
				set totp_secret_sealed = (select totp_secret_sealed from identity.users where id = ?)
				where id = ?""")
			.params(victim.id().value(), attacker.id().value())
			.update();

		assertThatThrownBy(() -> totpSecrets.of(attacker.id())).isInstanceOf(UnreadableSecretException.class);
		assertThat(totpSecrets.of(victim.id())).contains(secret);

		users.disableTotp(attacker.id());

		assertThat(jdbc.sql("select totp_secret_sealed is null and totp_key_id is null from identity.users "
				+ "where id = ?").param(attacker.id().value()).query(Boolean.class).single()).isTrue();
		assertThat(totpSecrets.of(attacker.id())).isEmpty();
	}
}
