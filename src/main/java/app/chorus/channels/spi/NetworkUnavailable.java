package app.chorus.channels.spi;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The network could not be reached, timed out, answered with a server error or asked to slow down: try again later;
 * nothing is lost. {@link #retryAt()} says when, if the network said (a rate limit's reset time).
 */
public class NetworkUnavailable extends RuntimeException {

	private final @Nullable Instant retryAt;

	public NetworkUnavailable(String message, Throwable cause) {
		super(message, cause);
		this.retryAt = null;
	}

	public NetworkUnavailable(String message) {
		super(message);
		this.retryAt = null;
	}

	/** Too many requests: the network asks to wait until {@code retryAt} (when it said). */
	public NetworkUnavailable(String message, @Nullable Instant retryAt, @Nullable Throwable cause) {
		super(message, cause);
		this.retryAt = retryAt;
	}

	/** When the network said to try again (from its rate-limit headers); empty when it did not say. */
	public Optional<Instant> retryAt() {
		return Optional.ofNullable(retryAt);
	}
}
