package app.chorus.channels.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Variants and attachments for rule tests; sizes in bytes. */
final class TestPosts {

	static final long MIB = 1024 * 1024;

	private TestPosts() {
	}

	static MediaItem image(String mimeType, long bytes, @Nullable Integer width, @Nullable Integer height) {
		return new MediaItem(mimeType, () -> new byte[0], bytes, width, height, null, "");
	}

	static MediaItem jpeg(int width, int height) {
		return image("image/jpeg", MIB, width, height);
	}

	static MediaItem jpeg() {
		return jpeg(1080, 1080);
	}

	static MediaItem video(String mimeType, long bytes, @Nullable Integer width, @Nullable Integer height,
			@Nullable Duration duration) {
		return new MediaItem(mimeType, () -> new byte[0], bytes, width, height, duration, "");
	}

	static MediaItem mp4(Duration duration) {
		return video("video/mp4", 10 * MIB, 1080, 1920, duration);
	}

	static MediaItem mp4(int width, int height) {
		return video("video/mp4", 10 * MIB, width, height, Duration.ofSeconds(30));
	}

	static List<MediaItem> times(int count, MediaItem item) {
		return new ArrayList<>(Collections.nCopies(count, item));
	}

	static PostVariant post(Surface surface, String text, List<MediaItem> media) {
		return new PostVariant(surface, text, media, null, null, null, null, Map.of());
	}

	static PostVariant post(Surface surface, String text, MediaItem... media) {
		return post(surface, text, List.of(media));
	}

	static PostVariant post(Surface surface, String text, Map<String, String> options, MediaItem... media) {
		return new PostVariant(surface, text, List.of(media), null, null, null, null, options);
	}

	/** {@code count} hashtags, each a different word. */
	static String hashtags(int count) {
		StringBuilder text = new StringBuilder("Tags:");
		for (int i = 0; i < count; i++) {
			text.append(" #tag").append((char) ('a' + i % 26)).append(i);
		}
		return text.toString();
	}
}
