package app.chorus.shared.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Rotates the master key and re-seals every secret under the new key: {@link MasterKey#rotate()}, then
 * {@link Reencrypting#reencryptAll()} on every store, and only when all of them succeeded
 * {@link MasterKey#retireOldKeys()}. When a store fails, the old keys stay enabled (nothing becomes unreadable) and the
 * rotation can simply be run again.
 *
 * <p>Run it with nothing else writing secrets: a secret sealed under the old key after its store was re-sealed would be
 * unreadable once the old key is retired. The rotation command ({@code CHORUS_VAULT_ROTATE=true}) runs it on a Chorus
 * that serves nobody else.
 */
@Service
public class VaultRotation {

	private final MasterKey masterKey;
	private final ObjectProvider<Reencrypting> stores;

	VaultRotation(MasterKey masterKey, ObjectProvider<Reencrypting> stores) {
		this.masterKey = masterKey;
		this.stores = stores;
	}

	/**
	 * What a rotation did.
	 * @param primaryKeyId the new primary key
	 * @param reencrypted how many secrets each store sealed again, by {@link Reencrypting#secretKind()}
	 * @param retiredKeys how many old keys were disabled
	 */
	public record Outcome(long primaryKeyId, Map<String, Integer> reencrypted, int retiredKeys) {

		public Outcome {
			reencrypted = Map.copyOf(reencrypted);
		}
	}

	/**
	 * @throws MasterKeyException when the key file cannot be written or a store cannot re-seal its secrets; the old
	 * keys then stay enabled
	 */
	public Outcome rotate() {
		long primary = masterKey.rotate();
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<Reencrypting> all = stores.orderedStream().toList();
		for (Reencrypting store : all) {
			try {
				counts.put(store.secretKind(), store.reencryptAll());
			}
			catch (RuntimeException e) {
				throw new MasterKeyException("Key rotation stopped while re-encrypting the " + store.secretKind()
						+ ": " + e.getMessage() + ". Every key stays enabled, so nothing became unreadable; the keyset "
						+ "as it was before is in " + masterKey.previousLocation() + ".",
						"Fix the cause and run the rotation again (CHORUS_VAULT_ROTATE=true); it picks up where it "
								+ "stopped.",
						e);
			}
		}
		return new Outcome(primary, counts, masterKey.retireOldKeys());
	}
}
