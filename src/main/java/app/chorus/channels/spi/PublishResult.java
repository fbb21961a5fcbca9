package app.chorus.channels.spi;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of handing a post to a network. Sealed, so every caller handles every outcome.
 */
public sealed interface PublishResult {

	/** It is live. {@code url} is where people see it. */
	record Published(RemotePostRef post, String url, Instant publishedAt) implements PublishResult {
	}

	/** The network accepted it and is still processing (video); poll again after {@code checkAfter}. */
	record Pending(@Nullable String remoteId, Instant checkAfter) implements PublishResult {
	}

	/** The network refused the content: each violation names the field and the rule. Retrying will not help. */
	record Rejected(List<RuleViolation> violations) implements PublishResult {
	}

	/** Too many requests: try again at {@code retryAt} (from the network's reset header when it gave one). */
	record RateLimited(Instant retryAt) implements PublishResult {
	}

	/** The network refused the credentials: a person must connect the channel again. */
	record ReauthorizationRequired(String reason) implements PublishResult {
	}

	/**
	 * The access token expired before its time (the network ended the session early): renew the session and publish
	 * again with the same idempotency key. Not a refusal of the credentials.
	 */
	record SessionExpired(String reason) implements PublishResult {
	}

	/** The network failed or could not be reached; it is safe to retry with the same idempotency key. */
	record TransientFailure(String reason) implements PublishResult {
	}
}
