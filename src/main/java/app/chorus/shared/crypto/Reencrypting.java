package app.chorus.shared.crypto;

/**
 * A store of secrets sealed with the {@link MasterKey}. Every module that stores sealed secrets implements it (as a
 * Spring bean), so that key rotation reaches all of them: a store that does not would keep secrets under a key that
 * the rotation then disables, and they could no longer be read.
 */
public interface Reencrypting {

	/** What the secrets are, for the rotation's log line (for example "channel credentials"). */
	String secretKind();

	/**
	 * Opens every secret of this store that is not sealed under the master key's current primary key and seals it again
	 * under that key; secrets already under it are left alone, so running it twice is harmless. A secret that does not
	 * open (altered, or sealed under a key the keyset lacks) is left as it is and logged by its record's id, never by
	 * content: it was unreadable before the rotation and nothing the rotation does changes that.
	 * @return how many secrets were sealed again
	 */
	int reencryptAll();
}
