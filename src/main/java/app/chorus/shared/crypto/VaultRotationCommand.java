package app.chorus.shared.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key rotation command: started with {@code --chorus.vault.rotate=true} (or {@code CHORUS_VAULT_ROTATE=true}),
 * Chorus starts, rotates the master key, re-seals every secret, logs what it did and exits with status 0; on failure it
 * reports why and exits with a non-zero status. Stop the running Chorus first (with the embedded database, the data
 * folder lock refuses a second one anyway).
 */
@Component
@ConditionalOnBooleanProperty("chorus.vault.rotate")
class VaultRotationCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(VaultRotationCommand.class);

	private final VaultRotation rotation;
	private final MasterKey masterKey;
	private final ApplicationContext context;

	VaultRotationCommand(VaultRotation rotation, MasterKey masterKey, ApplicationContext context) {
		this.rotation = rotation;
		this.masterKey = masterKey;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		log.info("Rotating the master key in {}", masterKey.location());
		VaultRotation.Outcome outcome = rotation.rotate();
		outcome.reencrypted().forEach((kind, count) -> log.info("Re-encrypted {} {}", count, kind));
		log.info("Master key rotated: key {} is the primary key, {} old key(s) disabled. Back up {} again now.",
				outcome.primaryKeyId(), outcome.retiredKeys(), masterKey.location());
		System.exit(SpringApplication.exit(context, () -> 0));
	}
}
