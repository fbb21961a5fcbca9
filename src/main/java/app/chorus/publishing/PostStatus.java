package app.chorus.publishing;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a post, or one of its variants, stands. A post's status sums up its variants once it is scheduled.
 */
public enum PostStatus {

	DRAFT,
	IN_REVIEW,
	CHANGES_REQUESTED,
	APPROVED,
	SCHEDULED,
	/** Being handed to the network right now. */
	PUBLISHING,
	PUBLISHED,
	/** The network refused it, or it could not be sent after every retry: a person must act. */
	FAILED,
	/** The network's answer was lost and resending could make a duplicate: a person checks and resolves it. */
	NEEDS_CONFIRMATION,
	/** Waiting, not failed: publishing is paused, or the channel needs re-authorisation. */
	HELD,
	CANCELLED;

	/** The API and message-key form: {@code needs_confirmation}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<PostStatus> fromKey(String key) {
		for (PostStatus status : values()) {
			if (status.key().equals(key)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

	/** Whether nothing more will happen to it without a person. */
	public boolean settled() {
		return this == PUBLISHED || this == FAILED || this == NEEDS_CONFIRMATION || this == CANCELLED;
	}
}
