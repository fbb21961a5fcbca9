package app.chorus.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps,
 * six digits. A code from the step before or after is accepted, to allow for clock drift.
 */
public final class Totp {

	static final int STEP_SECONDS = 30;
	static final int DIGITS = 6;
	private static final int WINDOW = 1;

	private Totp() {
	}

	/** A new 160-bit secret, Base32 as authenticator apps expect it. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		new SecureRandom().nextBytes(bytes);
		return new Base32().encodeToString(bytes).replace("=", "");
	}

	/**
	 * The time step {@code code} is valid for at {@code now} (one step of drift either way), or -1 when it is not
	 * valid.
	 */
	static long matchingStep(String secret, String code, Instant now) {
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("\\d{" + DIGITS + "}")) {
			return -1;
		}
		long step = now.getEpochSecond() / STEP_SECONDS;
		long matched = -1;
		for (int offset = -WINDOW; offset <= WINDOW; offset++) {
			// compare every candidate in constant time, so timing tells nothing about which one matched
			if (MessageDigest.isEqual(codeAt(secret, step + offset).getBytes(), digits.getBytes())) {
				matched = step + offset;
			}
		}
		return matched;
	}

	/** The code for {@code secret} at {@code at}; public so tests can play the authenticator app. */
	public static String code(String secret, Instant at) {
		return codeAt(secret, at.getEpochSecond() / STEP_SECONDS);
	}

	private static String codeAt(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + DIGITS + "d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
		}
	}
}
