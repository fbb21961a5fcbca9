package app.chorus.channels.spi;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An account the network confirmed: who it is and the credentials to act as it.
 * @param endpoint where to reach it from now on (for Bluesky the account's own PDS, which may differ from the one the
 * person typed)
 */
public record ConnectedAccount(String accountId, String handle, @Nullable String displayName, @Nullable String avatarUrl,
		String endpoint, Credentials credentials, Map<String, String> settings) {
}
