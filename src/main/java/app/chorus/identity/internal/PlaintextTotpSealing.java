package app.chorus.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, seals the TOTP secrets that versions before the vault stored in plain text. Until it has run, those
 * secrets still work, so sign-in never depends on it.
 */
@Component
class PlaintextTotpSealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlaintextTotpSealing.class);

	private final TotpSecrets totpSecrets;

	PlaintextTotpSealing(TotpSecrets totpSecrets) {
		this.totpSecrets = totpSecrets;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		int sealed = totpSecrets.sealPlaintext();
		if (sealed > 0) {
			log.info("Encrypted {} two-factor secrets that were stored in plain text", sealed);
		}
	}
}
