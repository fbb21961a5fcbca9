package app.chorus.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking a chain: intact, or the first entry found tampered with ({@code altered}: its content no
 * longer matches its hash; {@code relinked}: it does not point at the entry before it; {@code missing}: entries
 * before it, or at the end of the chain, are gone).
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBadSeq, @Nullable String problem,
		Instant verifiedAt) {
}
