package app.chorus.channels.spi;

import java.net.URI;
import java.util.Set;

/**
 * Connecting through OAuth 2 with an application registered on each server (Mastodon): register once per instance,
 * send the person to the instance to approve, then exchange the code for a token.
 */
public interface InstanceOAuthConnecting {

	/**
	 * Registers Chorus as an application on the instance.
	 * @throws ConnectionRefused when the address is not a server of this network ({@code instanceUrl} is named)
	 * @throws NetworkUnavailable when the instance could not be reached
	 */
	AppRegistration register(String instanceUrl, String redirectUri);

	/** Where to send the person to approve access; {@code state} and the PKCE challenge travel with it. */
	URI authorizationUrl(AppRegistration app, String redirectUri, String state, String codeChallenge);

	/**
	 * Exchanges the authorisation code for a token and reads the account (and the instance's limits into
	 * {@link ConnectedAccount#settings()}).
	 * @throws ConnectionRefused when the code was refused ({@code code} is named)
	 * @throws NetworkUnavailable when the instance could not be reached
	 */
	ConnectedAccount complete(AppRegistration app, String redirectUri, String code, String codeVerifier);

	/** Chorus's application on one instance. The client secret is a secret: it goes to the vault only. */
	record AppRegistration(String instanceUrl, String clientId, String clientSecret, Set<String> scopes) {

		public AppRegistration {
			scopes = Set.copyOf(scopes);
		}

		@Override
		public String toString() {
			return "AppRegistration[" + instanceUrl + ", clientId=" + clientId + ", secret hidden]";
		}
	}
}
