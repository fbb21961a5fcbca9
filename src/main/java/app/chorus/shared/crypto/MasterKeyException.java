package app.chorus.shared.crypto;

import java.nio.file.Path;

/**
 * The master key cannot be used: its file is missing, unreadable or not a keyset, or a rotation could not finish.
 * Chorus does not start on such a key (start-up prints the message and {@link #action()}, nothing of the key itself).
 */
public final class MasterKeyException extends IllegalStateException {

	private final String action;

	MasterKeyException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	MasterKeyException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What the person running Chorus should do about it. */
	public String action() {
		return action;
	}

	static MasterKeyException missing(Path file) {
		return new MasterKeyException("The master key file " + file + " (CHORUS_MASTER_KEY_FILE) does not exist.",
				"Restore the key file from your backup to that path, or point CHORUS_MASTER_KEY_FILE at it. Chorus "
						+ "does not make a new key there: the secrets already stored can only be read with the old "
						+ "one. On a new installation, leave CHORUS_MASTER_KEY_FILE unset and Chorus generates a key "
						+ "in its data folder.");
	}

	static MasterKeyException unreadable(Path file, Throwable cause) {
		return new MasterKeyException("The master key file " + file + " cannot be read as a Tink AEAD keyset ("
				+ cause.getClass().getSimpleName() + ").",
				"Check that the file is the master-key.json Chorus wrote (a Tink JSON keyset of AES-256-GCM keys), "
						+ "that Chorus's user may read it, and restore it from your backup if it was damaged.",
				cause);
	}

	static MasterKeyException notWritten(Path file, Throwable cause) {
		return new MasterKeyException("The master key file " + file + " could not be written (" + cause.getMessage()
				+ ").", "Make sure Chorus's user may write to " + file.getParent()
						+ ", or set CHORUS_MASTER_KEY_FILE (or CHORUS_DATA_DIR) to a folder it may write to.",
				cause);
	}
}
