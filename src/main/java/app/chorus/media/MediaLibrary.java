package app.chorus.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.Surface;
import app.chorus.media.internal.MediaService;
import app.chorus.media.internal.MediaService.StoredFile;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;

/**
 * The media library as other modules use it: publishing finds the media a post names and asks for each file shaped
 * for the surface it goes to. Every call names the workspace; another workspace's media are not found.
 */
@Service
public class MediaLibrary {

	private final MediaService media;

	MediaLibrary(MediaService media) {
		this.media = media;
	}

	/** The media with its renditions, or empty when the workspace has no such media. */
	public Optional<MediaView> find(WorkspaceId workspace, MediaId id) {
		return media.find(workspace, id);
	}

	/** The workspace's media, newest first, at most {@code limit} (the composer's picker). */
	public List<MediaView> recent(WorkspaceId workspace, int limit) {
		return media.page(workspace, null, limit);
	}

	/**
	 * The file to attach to a post on the surface: for a still image the rendition of the surface's shape
	 * ({@link Rendition#forSurface(Surface)}), else the original; videos and animated GIFs always as uploaded. Size,
	 * dimensions, duration and alt text are filled in; the bytes are read from storage only when the supplier is
	 * called, and each call reads them again.
	 * @throws ChorusException 404 when the workspace has no such media
	 * @throws UncheckedIOException from the supplier when the stored file cannot be read
	 */
	public MediaItem item(WorkspaceId workspace, MediaId id, Surface surface) {
		return item(workspace, id, Rendition.forSurface(surface).orElse(null));
	}

	/**
	 * The file in the given shape, or the original when {@code rendition} is {@code null} or the media has no such
	 * rendition (videos, animations).
	 * @throws ChorusException 404 when the workspace has no such media
	 */
	public MediaItem item(WorkspaceId workspace, MediaId id, @Nullable Rendition rendition) {
		MediaView view = media.require(workspace, id);
		Optional<MediaView.RenditionFile> shaped = rendition == null || view.publishedAsUploaded()
				? Optional.empty() : view.rendition(rendition);
		if (shaped.isPresent()) {
			MediaView.RenditionFile file = shaped.get();
			StoredFile stored = media.rendition(workspace, id, file.rendition());
			return new MediaItem(file.mimeType(), bytes(stored), file.sizeBytes(), file.width(), file.height(), null,
					view.altText());
		}
		StoredFile stored = media.original(workspace, id);
		return new MediaItem(view.mimeType(), bytes(stored), view.sizeBytes(), view.width(), view.height(),
				view.duration(), view.altText());
	}

	private Supplier<byte[]> bytes(StoredFile file) {
		return () -> {
			try (InputStream in = media.open(file)) {
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not read the media file " + file.storageKey(), e);
			}
		};
	}
}
