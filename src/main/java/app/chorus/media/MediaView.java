package app.chorus.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * An image or video of the media library as people and other modules see it.
 * @param mimeType the type read from the file's bytes: {@code image/jpeg}, {@code image/png}, {@code image/webp},
 * {@code image/gif}, {@code video/mp4} or {@code video/quicktime}
 * @param sizeBytes the original file's size
 * @param width the upright width in pixels (for a JPEG, after its EXIF orientation); {@code null} when a video does not
 * say
 * @param height the upright height in pixels, likewise
 * @param duration a video's length; {@code null} for images
 * @param animated a GIF with more than one frame: published as uploaded, like a video
 * @param altText the description for people who cannot see it; empty when none was written yet
 * @param originalName the file name it was uploaded with, for people only (the type never comes from it)
 * @param renditions the crops made from it, in the order of {@link Rendition}; only the thumbnail for videos and
 * animations, and none for a video
 */
public record MediaView(MediaId id, WorkspaceId workspaceId, String mimeType, long sizeBytes, @Nullable Integer width,
		@Nullable Integer height, @Nullable Duration duration, boolean animated, String altText, FocalPoint focalPoint,
		String originalName, List<RenditionFile> renditions, UserId uploadedBy, Instant createdAt, Instant updatedAt,
		int revision) {

	public MediaView {
		renditions = List.copyOf(renditions);
	}

	/**
	 * One generated rendition.
	 * @param mimeType {@code image/jpeg}, or {@code image/png} for an image with transparent pixels
	 */
	public record RenditionFile(Rendition rendition, String mimeType, int width, int height, long sizeBytes) {
	}

	public boolean isVideo() {
		return mimeType.startsWith("video/");
	}

	public boolean isImage() {
		return mimeType.startsWith("image/");
	}

	/** Published exactly as uploaded: videos and animated GIFs. */
	public boolean publishedAsUploaded() {
		return isVideo() || animated;
	}

	public boolean hasAltText() {
		return !altText.isBlank();
	}

	/** Whether there is a small preview for lists (every image and animation has one; videos have none). */
	public boolean hasThumbnail() {
		return rendition(Rendition.THUMBNAIL).isPresent();
	}

	public Optional<RenditionFile> rendition(Rendition rendition) {
		return renditions.stream().filter(r -> r.rendition() == rendition).findFirst();
	}
}
