package app.chorus.shared.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The key every stored secret is sealed with: a Tink keyset of AES-256-GCM keys, kept in a JSON file outside the
 * database ({@code CHORUS_MASTER_KEY_FILE}, else {@code master-key.json} in the data folder), so a copy of the
 * database alone reveals no secret.
 *
 * <p>Sealing is authenticated encryption with associated data: the caller binds each secret to the record it belongs
 * to (say {@code "chorus.channel:" + id}), and a ciphertext copied onto another record does not open there.
 *
 * <p>Rotation has two steps, with every store re-sealed in between (see {@link VaultRotation}): {@link #rotate()} adds
 * a new primary key and keeps the old ones, so secrets sealed under them still open; {@link #retireOldKeys()} then
 * disables the old keys. A disabled key no longer opens anything, so someone who stole the old key file can neither
 * read the rows written since nor slip a row sealed under the old key into the database. Disabled keys stay in the
 * file (rather than being destroyed) so that a database backup from before the rotation is not lost for good: the key
 * can be enabled again by hand.
 *
 * <p>Thread-safe. Nothing here logs or returns key material or plaintext; {@link #toString()} names only the file.
 */
public final class MasterKey {

	/** The key file's name in the data folder when {@code CHORUS_MASTER_KEY_FILE} is not set. */
	public static final String DEFAULT_FILE_NAME = "master-key.json";

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	/** Tink's output prefix: a version byte ({@value}) followed by the 4-byte id of the key that sealed it. */
	private static final byte TINK_PREFIX = 1;

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final Path location;
	private final boolean generated;
	private volatile Keyset keyset;

	private record Keyset(KeysetHandle handle, Aead aead) {

		static Keyset of(KeysetHandle handle) throws GeneralSecurityException {
			return new Keyset(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
		}

		long primaryKeyId() {
			return Integer.toUnsignedLong(handle.getPrimary().getId());
		}
	}

	private MasterKey(Path location, boolean generated, Keyset keyset) {
		this.location = location;
		this.generated = generated;
		this.keyset = keyset;
	}

	/**
	 * The master key for this start: the configured file, which must exist (Chorus never replaces a key it was pointed
	 * at, since the secrets sealed under it could not be read again); without one, {@code master-key.json} in the data
	 * folder, generated on the first start, with a warning in the log to back it up.
	 * @param configuredFile {@code CHORUS_MASTER_KEY_FILE}, or {@code null} when not set
	 * @param dataFolder {@code CHORUS_DATA_DIR}
	 * @throws MasterKeyException when the configured file is missing, or a key file cannot be read or written
	 */
	public static MasterKey load(@Nullable Path configuredFile, Path dataFolder) {
		if (configuredFile != null) {
			Path file = configuredFile.toAbsolutePath().normalize();
			if (!Files.isRegularFile(file)) {
				throw MasterKeyException.missing(file);
			}
			return read(file);
		}
		Path file = dataFolder.toAbsolutePath().normalize().resolve(DEFAULT_FILE_NAME);
		return Files.exists(file) ? read(file) : generate(file);
	}

	private static MasterKey read(Path file) {
		try {
			KeysetFile.warnWhenOthersMayRead(file);
			KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(KeysetFile.read(file),
					InsecureSecretKeyAccess.get());
			return new MasterKey(file, false, Keyset.of(handle));
		}
		catch (IOException | GeneralSecurityException | RuntimeException e) {
			throw MasterKeyException.unreadable(file, e);
		}
	}

	private static MasterKey generate(Path file) {
		Keyset keyset;
		try {
			Files.createDirectories(file.getParent());
			keyset = Keyset.of(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
			if (!KeysetFile.createIfAbsent(file, serialize(keyset.handle()))) {
				return read(file);
			}
		}
		catch (IOException | GeneralSecurityException e) {
			throw MasterKeyException.notWritten(file, e);
		}
		log.warn("Chorus generated a new master key in {}. It encrypts every stored access token and two-factor "
				+ "secret: back it up now, somewhere other than this server (without it they cannot be read again), "
				+ "or set CHORUS_MASTER_KEY_FILE to keep it elsewhere.", file);
		return new MasterKey(file, true, keyset);
	}

	/** Whether this start generated the key (so the owner has not backed it up yet). */
	public boolean generatedOnThisStart() {
		return generated;
	}

	/** The key file (absolute). */
	public Path location() {
		return location;
	}

	/** Where {@link #rotate()} keeps the keyset as it was before, until {@link #retireOldKeys()}. */
	public Path previousLocation() {
		return location.resolveSibling(location.getFileName() + ".previous");
	}

	/**
	 * Encrypts under the primary key.
	 * @param associatedData what the secret belongs to; the same bytes are needed to open it, and they are not secret
	 * @return the ciphertext: Tink's 5-byte prefix (naming the key, see {@link #keyIdOf}), nonce, ciphertext and tag
	 */
	public byte[] seal(byte[] plaintext, byte[] associatedData) {
		try {
			return keyset.aead().encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM encryption failed", e);
		}
	}

	/**
	 * Decrypts what {@link #seal} sealed with the same associated data, under any enabled key of the keyset.
	 * @throws UnreadableSecretException when the key is unknown or disabled, the associated data differs, or the
	 * ciphertext was altered
	 */
	public byte[] open(byte[] ciphertext, byte[] associatedData) {
		try {
			return keyset.aead().decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException e) {
			throw new UnreadableSecretException("A sealed secret cannot be opened with the master key in " + location
					+ ": it was sealed under another key or for another record, or it was altered", e);
		}
	}

	/** The id of the key {@link #seal} uses now (Tink's 32-bit key id, read unsigned). */
	public long primaryKeyId() {
		return keyset.primaryKeyId();
	}

	/**
	 * The id of the key a ciphertext of {@link #seal} was sealed under, read from its prefix; stores keep it beside the
	 * ciphertext so re-encryption finds what is left to do with a query.
	 */
	public static long keyIdOf(byte[] ciphertext) {
		if (ciphertext.length < 5 || ciphertext[0] != TINK_PREFIX) {
			throw new IllegalArgumentException("Not a ciphertext of the master key (no Tink key prefix)");
		}
		return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
	}

	/**
	 * First step of a rotation: copies the key file to {@link #previousLocation()}, then adds a new AES-256-GCM key,
	 * makes it the primary one and writes the keyset back. The old keys stay enabled, so every existing secret still
	 * opens; new secrets are sealed under the new key.
	 * @return the new primary key's id
	 */
	public synchronized long rotate() {
		try {
			KeysetFile.replace(previousLocation(), KeysetFile.read(location));
			KeysetHandle rotated = KeysetHandle.newBuilder(keyset.handle())
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			install(rotated);
		}
		catch (IOException | GeneralSecurityException e) {
			throw new MasterKeyException("The master key in " + location + " could not be rotated (" + e.getMessage()
					+ "); it is unchanged or holds the new key beside the old ones.",
					"Make sure Chorus may write to " + location.getParent() + " and run the rotation again.", e);
		}
		log.info("Master key {}: added key {} as the primary key", location, keyset.primaryKeyId());
		return keyset.primaryKeyId();
	}

	/**
	 * Last step of a rotation, once every store has re-sealed its secrets: disables every key but the primary one,
	 * writes the keyset back and deletes {@link #previousLocation()}. Secrets still sealed under a disabled key cannot
	 * be opened afterwards.
	 * @return how many keys were disabled
	 */
	public synchronized int retireOldKeys() {
		int disabled = 0;
		try {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset.handle());
			for (int i = 0; i < builder.size(); i++) {
				KeysetHandle.Builder.Entry entry = builder.getAt(i);
				if (!entry.isPrimary() && entry.getStatus() == KeyStatus.ENABLED) {
					entry.setStatus(KeyStatus.DISABLED);
					disabled++;
				}
			}
			if (disabled > 0) {
				install(builder.build());
			}
			Files.deleteIfExists(previousLocation());
		}
		catch (IOException | GeneralSecurityException e) {
			throw new MasterKeyException("The old keys in " + location + " could not be disabled (" + e.getMessage()
					+ "); they still open the secrets sealed under them.",
					"Make sure Chorus may write to " + location.getParent() + " and run the rotation again.", e);
		}
		return disabled;
	}

	/** Writes the keyset to the file first, and uses it only once it is safely there. */
	private void install(KeysetHandle handle) throws IOException, GeneralSecurityException {
		Keyset next = Keyset.of(handle);
		KeysetFile.replace(location, serialize(handle));
		keyset = next;
	}

	private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
	}

	@Override
	public String toString() {
		return "MasterKey[" + location + "]";
	}
}
