package app.chorus.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may do. Scopes nest: {@code admin} includes {@code write}, which includes {@code read}. A token
 * never does more than its owner's role allows.
 */
public enum TokenScope {

	READ, WRITE, ADMIN;

	public boolean includes(TokenScope other) {
		return ordinal() >= other.ordinal();
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<TokenScope> fromKey(String key) {
		for (TokenScope scope : values()) {
			if (scope.key().equals(key)) {
				return Optional.of(scope);
			}
		}
		return Optional.empty();
	}
}
