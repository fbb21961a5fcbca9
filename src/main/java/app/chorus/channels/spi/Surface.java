package app.chorus.channels.spi;

import java.util.Locale;

/** Where on a network a post goes; each has its own rules. */
public enum Surface {

	X_POST(NetworkKey.X),
	FACEBOOK_PAGE_POST(NetworkKey.FACEBOOK),
	INSTAGRAM_FEED(NetworkKey.INSTAGRAM),
	INSTAGRAM_CAROUSEL(NetworkKey.INSTAGRAM),
	INSTAGRAM_REELS(NetworkKey.INSTAGRAM),
	INSTAGRAM_STORIES(NetworkKey.INSTAGRAM),
	LINKEDIN_POST(NetworkKey.LINKEDIN),
	TIKTOK_VIDEO(NetworkKey.TIKTOK),
	YOUTUBE_VIDEO(NetworkKey.YOUTUBE),
	YOUTUBE_SHORT(NetworkKey.YOUTUBE),
	THREADS_POST(NetworkKey.THREADS),
	BLUESKY_POST(NetworkKey.BLUESKY),
	MASTODON_STATUS(NetworkKey.MASTODON);

	private final NetworkKey network;

	Surface(NetworkKey network) {
		this.network = network;
	}

	public NetworkKey network() {
		return network;
	}

	/** Where a post goes on the network when nothing else is said: its main feed. */
	public static Surface primary(NetworkKey network) {
		return switch (network) {
			case BLUESKY -> BLUESKY_POST;
			case MASTODON -> MASTODON_STATUS;
			case X -> X_POST;
			case FACEBOOK -> FACEBOOK_PAGE_POST;
			case INSTAGRAM -> INSTAGRAM_FEED;
			case LINKEDIN -> LINKEDIN_POST;
			case THREADS -> THREADS_POST;
			case TIKTOK -> TIKTOK_VIDEO;
			case YOUTUBE -> YOUTUBE_VIDEO;
		};
	}

	public static java.util.Optional<Surface> fromKey(String key) {
		for (Surface surface : values()) {
			if (surface.key().equals(key)) {
				return java.util.Optional.of(surface);
			}
		}
		return java.util.Optional.empty();
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
