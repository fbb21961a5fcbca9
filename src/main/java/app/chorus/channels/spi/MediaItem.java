package app.chorus.channels.spi;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One image or video attached to a post, as the adapter uploads it.
 * @param mimeType e.g. {@code image/jpeg}, {@code video/mp4}
 * @param bytes the file's content, read when the adapter uploads it
 * @param sizeBytes the file's size, for checks before any upload
 * @param width pixels, when known
 * @param height pixels, when known
 * @param duration for video, when known
 * @param altText the description for people who cannot see it; empty when none was written
 */
public record MediaItem(String mimeType, Supplier<byte[]> bytes, long sizeBytes, @Nullable Integer width,
		@Nullable Integer height, @Nullable Duration duration, String altText) {

	public boolean isVideo() {
		return mimeType.startsWith("video/");
	}

	public boolean isImage() {
		return mimeType.startsWith("image/");
	}
}
