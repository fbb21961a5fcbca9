package app.chorus.channels.spi;

/** Connecting with an identifier and an app password (no browser redirect), as Bluesky does. */
public interface AppPasswordConnecting {

	/**
	 * Signs in at the network and returns the account.
	 * @param serviceUrl where to sign in (a PDS); the adapter may find the account's real PDS from its DID document
	 * @param identifier a handle or a DID
	 * @throws ConnectionRefused when the identifier, password or service is wrong; the field is named
	 * @throws NetworkUnavailable when the network could not be reached or answered with a server error
	 */
	ConnectedAccount connect(String serviceUrl, String identifier, String appPassword);
}
