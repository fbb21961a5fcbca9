package app.chorus.channels.network.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Record keys for idempotent publishing. AT Protocol has no idempotency header, but {@code createRecord} takes the
 * record key ({@code rkey}) from the caller, and a repository holds one record per key: the same idempotency key
 * always gives the same rkey, so a retried publish cannot make a second post.
 * <p>
 * Posts are keyed by TIDs (lexicon {@code "key": "tid"}): 13 characters of base32-sortable, encoding a 64-bit number
 * whose top bit is zero. The number here is the first 63 bits of SHA-256 of the idempotency key, so the key has TID
 * syntax while its "timestamp" bits carry no time.
 */
final class RecordKeys {

	private RecordKeys() {
	}

	private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";

	private static final Pattern TID = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");

	static String fromIdempotencyKey(String idempotencyKey) {
		byte[] hash = sha256(("chorus:bluesky:post:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
		return tid(ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE);
	}

	static String tid(long value) {
		if (value < 0) {
			throw new IllegalArgumentException("a TID's top bit is zero");
		}
		StringBuilder tid = new StringBuilder(13);
		for (int shift = 60; shift >= 0; shift -= 5) {
			tid.append(BASE32_SORTABLE.charAt((int) (value >>> shift) & 31));
		}
		return tid.toString();
	}

	static boolean isTid(String key) {
		return TID.matcher(key).matches();
	}

	private static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}
}
