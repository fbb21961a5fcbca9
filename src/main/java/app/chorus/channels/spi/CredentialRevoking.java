package app.chorus.channels.spi;

/** Ending the channel's access at the network when it is disconnected, where the network supports it. */
public interface CredentialRevoking {

	/**
	 * Revokes the session or token at the network. Best effort: the channel is disconnected and its secrets purged
	 * whatever happens here.
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	void revoke(ChannelSession session);
}
