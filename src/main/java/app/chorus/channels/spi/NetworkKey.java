package app.chorus.channels.spi;

import java.util.Locale;
import java.util.Optional;

/** The networks Chorus knows. The key is stable: it is stored with every channel. */
public enum NetworkKey {

	BLUESKY, MASTODON, X, FACEBOOK, INSTAGRAM, LINKEDIN, THREADS, TIKTOK, YOUTUBE;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<NetworkKey> fromKey(String key) {
		for (NetworkKey network : values()) {
			if (network.key().equals(key)) {
				return Optional.of(network);
			}
		}
		return Optional.empty();
	}
}
