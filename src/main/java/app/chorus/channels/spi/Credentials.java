package app.chorus.channels.spi;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The secrets a channel holds at its network. Only the vault stores them (encrypted); they are never logged, never
 * returned by the API, and {@link #toString()} hides them.
 * @param accessToken the bearer credential for API calls (a session JWT, an OAuth access token)
 * @param refreshToken what renews the access token, when the network has one
 * @param expiresAt when the access token stops working, when known
 * @param extra further secrets an adapter needs (an app password, an instance's client secret)
 */
public record Credentials(String accessToken, @Nullable String refreshToken, @Nullable Instant expiresAt,
		Map<String, String> extra) {

	public Credentials {
		extra = Map.copyOf(extra);
	}

	@Override
	public String toString() {
		return "Credentials[hidden, expiresAt=" + expiresAt + "]";
	}
}
