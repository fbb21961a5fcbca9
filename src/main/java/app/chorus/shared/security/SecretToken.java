package app.chorus.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bearer secret (API token, invitation link, password reset link): 256 random bits, shown to a person once and
 * stored only as its SHA-256 hash. A hash without a salt is right here: the secret has full entropy, so there is
 * nothing to guess, and lookups by hash stay a single index probe.
 */
public record SecretToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new secret, {@code prefix} followed by 43 URL-safe characters. */
	public static SecretToken generate(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SecretToken(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public byte[] hash() {
		return hash(value);
	}

	public static byte[] hash(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	@Override
	public String toString() {
		return "SecretToken[hidden]";
	}
}
