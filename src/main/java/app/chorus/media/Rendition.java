package app.chorus.media;

import java.util.Locale;
import java.util.Optional;

import app.chorus.channels.spi.Surface;

/**
 * The shapes an image is cropped to, each around the image's focal point, with its longest side capped. Videos and
 * animated GIFs get none of them (they are published as uploaded), only the thumbnail for lists.
 */
public enum Rendition {

	/** 1:1, for feeds that show squares. */
	SQUARE(1, 1, 2048),
	/** 4:5, the tallest a feed post may be (Instagram, Facebook). */
	PORTRAIT(4, 5, 2048),
	/** 9:16, full-screen Stories, Reels, TikTok and Shorts. */
	VERTICAL(9, 16, 2048),
	/** 1.91:1, link previews and landscape feed posts. */
	LINK(191, 100, 2048),
	/** 16:9, X's in-timeline landscape. */
	LANDSCAPE(16, 9, 2048),
	/** A small square preview for lists and grids; never published. */
	THUMBNAIL(1, 1, 480);

	private final int widthRatio;
	private final int heightRatio;
	private final int maxSide;

	Rendition(int widthRatio, int heightRatio, int maxSide) {
		this.widthRatio = widthRatio;
		this.heightRatio = heightRatio;
		this.maxSide = maxSide;
	}

	/** Width ÷ height. */
	public double ratio() {
		return (double) widthRatio / heightRatio;
	}

	/** The longest side in pixels a rendition of this shape has (smaller images are not enlarged). */
	public int maxSide() {
		return maxSide;
	}

	/** The name in URLs and the API, such as {@code portrait}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The shape as people read it, such as {@code 4:5} or {@code 1.91:1}. */
	public String label() {
		return heightRatio == 100 ? widthRatio / 100 + "." + String.format(Locale.ROOT, "%02d", widthRatio % 100)
				+ ":1" : widthRatio + ":" + heightRatio;
	}

	/** Whether this shape is made to be published (the thumbnail is not). */
	public boolean published() {
		return this != THUMBNAIL;
	}

	public static Optional<Rendition> fromKey(String key) {
		for (Rendition rendition : values()) {
			if (rendition.key().equals(key)) {
				return Optional.of(rendition);
			}
		}
		return Optional.empty();
	}

	/**
	 * The shape an image takes on a surface; empty where the network shows the image as it is (the original is
	 * published). Instagram's carousel takes portrait like the feed, since every card must share the first one's shape.
	 */
	public static Optional<Rendition> forSurface(Surface surface) {
		return Optional.ofNullable(switch (surface) {
			case INSTAGRAM_FEED, INSTAGRAM_CAROUSEL -> PORTRAIT;
			case INSTAGRAM_STORIES, INSTAGRAM_REELS, TIKTOK_VIDEO, YOUTUBE_SHORT -> VERTICAL;
			case X_POST -> LANDSCAPE;
			case FACEBOOK_PAGE_POST, LINKEDIN_POST, YOUTUBE_VIDEO, THREADS_POST, BLUESKY_POST, MASTODON_STATUS -> null;
		});
	}
}
