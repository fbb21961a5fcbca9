package app.chorus.shared.crypto;

/**
 * A sealed secret could not be opened: it was sealed under a key this keyset does not hold (or holds disabled), for
 * another record (the associated data differs), or it was altered. The message never contains the secret.
 */
public final class UnreadableSecretException extends IllegalStateException {

	public UnreadableSecretException(String message, Throwable cause) {
		super(message, cause);
	}
}
