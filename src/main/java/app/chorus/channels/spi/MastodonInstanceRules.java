package app.chorus.channels.spi;

import static app.chorus.channels.spi.MediaRules.Kind.GIF;
import static app.chorus.channels.spi.MediaRules.Kind.IMAGE;
import static app.chorus.channels.spi.MediaRules.Kind.VIDEO;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import app.chorus.channels.spi.MediaRules.Layout;
import app.chorus.channels.spi.MediaRules.Spec;

import org.jspecify.annotations.Nullable;

/**
 * A Mastodon instance's rules, built from the limits it reports in {@code /api/v2/instance}
 * ({@code configuration.statuses} and {@code configuration.media_attachments}), which the adapter copies into the
 * channel's settings under the keys below. A key that is missing, not a number, or not positive falls back to
 * Mastodon's default, so a channel connected before its limits were read still gets sensible rules.
 */
public final class MastodonInstanceRules {

	/** {@code configuration.statuses.max_characters}; default 500. */
	public static final String MAX_CHARACTERS = "max_characters";
	/** {@code configuration.statuses.characters_reserved_per_url}; default 23. */
	public static final String CHARACTERS_RESERVED_PER_URL = "characters_reserved_per_url";
	/** {@code configuration.statuses.max_media_attachments}; default 4. */
	public static final String MAX_MEDIA_ATTACHMENTS = "max_media_attachments";
	/** {@code configuration.media_attachments.image_size_limit} in bytes; default 16 MiB. */
	public static final String IMAGE_SIZE_LIMIT = "image_size_limit";
	/** {@code configuration.media_attachments.video_size_limit} in bytes; default 99 MiB. */
	public static final String VIDEO_SIZE_LIMIT = "video_size_limit";
	/** {@code configuration.media_attachments.image_matrix_limit} in pixels; default 33,177,600 (7680×4320). */
	public static final String IMAGE_MATRIX_LIMIT = "image_matrix_limit";
	/** {@code configuration.media_attachments.video_matrix_limit} in pixels; default 8,294,400 (3840×2160). */
	public static final String VIDEO_MATRIX_LIMIT = "video_matrix_limit";
	/** {@code configuration.media_attachments.supported_mime_types}, comma-separated. */
	public static final String SUPPORTED_MIME_TYPES = "supported_mime_types";

	private static final String INSTANCE = "https://docs.joinmastodon.org/entities/Instance/#configuration";
	private static final String LENGTH = "https://github.com/mastodon/mastodon/blob/main/app/validators/status_length_validator.rb";
	private static final String MEDIA = "https://github.com/mastodon/mastodon/blob/main/app/models/media_attachment.rb";
	private static final String MIXING = "https://github.com/mastodon/mastodon/blob/main/app/services/post_status_service.rb";

	// Defaults of a Mastodon install, as mastodon.social reports them: INSTANCE; MAX_CHARS = 500 and
	// URL_PLACEHOLDER_CHARS = 23: LENGTH; IMAGE_LIMIT = 16 MB and VIDEO_LIMIT = 99 MB (binary megabytes), the pixel
	// limits and the MIME types (images and videos; Chorus does not post audio): MEDIA
	private static final int DEFAULT_MAX_CHARACTERS = 500;
	private static final int DEFAULT_URL_LENGTH = 23;
	private static final int DEFAULT_MAX_ATTACHMENTS = 4;
	private static final long DEFAULT_IMAGE_BYTES = 16L * 1024 * 1024;
	private static final long DEFAULT_VIDEO_BYTES = 99L * 1024 * 1024;
	private static final long DEFAULT_IMAGE_PIXELS = 33_177_600;
	private static final long DEFAULT_VIDEO_PIXELS = 8_294_400;
	private static final List<String> DEFAULT_MIME_TYPES = List.of("image/jpeg", "image/png", "image/gif",
			"image/heic", "image/heif", "image/webp", "image/avif", "video/webm", "video/mp4", "video/quicktime",
			"video/ogg");

	private MastodonInstanceRules() {
	}

	static NetworkRules rules(Map<String, String> settings) {
		int maxCharacters = positiveInt(settings, MAX_CHARACTERS, DEFAULT_MAX_CHARACTERS);
		int urlLength = positiveInt(settings, CHARACTERS_RESERVED_PER_URL, DEFAULT_URL_LENGTH);
		int maxAttachments = positiveInt(settings, MAX_MEDIA_ATTACHMENTS, DEFAULT_MAX_ATTACHMENTS);
		List<String> mimeTypes = mimeTypes(settings.get(SUPPORTED_MIME_TYPES));
		String[] imageTypes = mimeTypes.stream().filter(type -> type.startsWith("image/")).toArray(String[]::new);
		String[] videoTypes = mimeTypes.stream().filter(type -> type.startsWith("video/")).toArray(String[]::new);
		MediaRules media = new MediaRules(false, List.of(
				// images (GIFs among them), or one video: never both (MIXING)
				Layout.of(1, maxAttachments, IMAGE, GIF), Layout.of(1, 1, VIDEO)),
				List.of(Spec.of(imageTypes)
					.maxBytes(positiveLong(settings, IMAGE_SIZE_LIMIT, DEFAULT_IMAGE_BYTES))
					.maxPixels(positiveLong(settings, IMAGE_MATRIX_LIMIT, DEFAULT_IMAGE_PIXELS)),
						Spec.of(videoTypes)
							.maxBytes(positiveLong(settings, VIDEO_SIZE_LIMIT, DEFAULT_VIDEO_BYTES))
							.maxPixels(positiveLong(settings, VIDEO_MATRIX_LIMIT, DEFAULT_VIDEO_PIXELS))));
		// graphemes, links as urlLength, remote mentions without their domain; the content warning (spoilerText)
		// counts within the same limit: LENGTH
		TextRules text = TextRules.of(new TextCounting.MastodonCharacters(urlLength), maxCharacters)
			.withCountedOptions("spoilerText");
		return new NetworkRules(NetworkKey.MASTODON, Map.of(Surface.MASTODON_STATUS, new SurfaceRules(
				Surface.MASTODON_STATUS, text, null, media, true, List.of(INSTANCE, LENGTH, MEDIA, MIXING))));
	}

	private static List<String> mimeTypes(@Nullable String setting) {
		if (setting == null || setting.isBlank()) {
			return DEFAULT_MIME_TYPES;
		}
		List<String> types = Arrays.stream(setting.split(","))
			.map(MediaRules::normalized)
			.filter(type -> type.contains("/"))
			.toList();
		return types.isEmpty() ? DEFAULT_MIME_TYPES : types;
	}

	private static int positiveInt(Map<String, String> settings, String key, int fallback) {
		long value = positiveLong(settings, key, fallback);
		return value > Integer.MAX_VALUE ? fallback : (int) value;
	}

	private static long positiveLong(Map<String, String> settings, String key, long fallback) {
		String value = settings.get(key);
		if (value == null) {
			return fallback;
		}
		try {
			long parsed = Long.parseLong(value.trim());
			return parsed > 0 ? parsed : fallback;
		}
		catch (NumberFormatException notANumber) {
			return fallback;
		}
	}
}
