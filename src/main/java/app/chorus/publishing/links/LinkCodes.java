package app.chorus.publishing.links;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The public part of a short address: eight characters of base62 from a {@link SecureRandom}, about 47.6 bits, so
 * codes cannot be walked through to find other workspaces' links. Uniqueness is the database's job (the insert is
 * retried with a fresh code on the rare collision).
 */
final class LinkCodes {

	static final int LENGTH = 8;

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	/** What a code in a request may look like before the database is asked (older or longer codes included). */
	private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9]{6,16}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private LinkCodes() {
	}

	static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

	static boolean plausible(String code) {
		return PLAUSIBLE.matcher(code).matches();
	}
}
