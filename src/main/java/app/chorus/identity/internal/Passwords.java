package app.chorus.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import app.chorus.shared.web.ChorusException;

/**
 * Password hashing (Argon2id, Spring Security's current parameters) and the rules a new password must meet: at least
 * 10 characters, at most 128, and not the e-mail address. Length beats composition rules (NIST SP 800-63B).
 */
@Component
class Passwords {

	static final int MIN_LENGTH = 10;
	static final int MAX_LENGTH = 128;

	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	/** A hash of a password that matches nothing, so unknown e-mails cost as much time as known ones. */
	private final String decoy = encoder.encode("decoy-password-that-never-matches");

	String hash(String raw) {
		return encoder.encode(raw);
	}

	boolean matches(String raw, String hash) {
		return encoder.matches(raw, hash);
	}

	void burnTime(String raw) {
		encoder.matches(raw, decoy);
	}

	void checkAcceptable(String field, String raw, String email) {
		int length = raw.codePointCount(0, raw.length());
		if (length < MIN_LENGTH) {
			throw ChorusException.invalid(field, "password.too-short", MIN_LENGTH);
		}
		if (length > MAX_LENGTH) {
			throw ChorusException.invalid(field, "password.too-long", MAX_LENGTH);
		}
		if (raw.equalsIgnoreCase(email)) {
			throw ChorusException.invalid(field, "password.is-email");
		}
	}
}
