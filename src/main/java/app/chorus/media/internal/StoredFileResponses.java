package app.chorus.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import app.chorus.media.internal.MediaService.StoredFile;

/**
 * A stored file as an HTTP answer: its own type and length, an ETag of the media's revision (so a browser asks again
 * cheaply and sees new crops at once), and byte ranges, which video players need to seek. The bytes stream from the
 * storage as they are sent.
 */
public final class StoredFileResponses {

	private StoredFileResponses() {
	}

	public static ResponseEntity<Resource> of(MediaService media, StoredFile file, String tag, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mimeType()))
			.contentLength(file.sizeBytes())
			.eTag(tag + "-r" + file.revision())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("Content-Disposition",
					ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(new StoredFileResource(media, file));
	}

	/** A resource read from the media storage each time it is opened; its length is known without reading it. */
	private static final class StoredFileResource extends AbstractResource {

		private final MediaService media;
		private final StoredFile file;

		StoredFileResource(MediaService media, StoredFile file) {
			this.media = media;
			this.file = file;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return media.open(file);
		}

		@Override
		public long contentLength() {
			return file.sizeBytes();
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public String getDescription() {
			return "media file " + file.storageKey();
		}
	}
}
