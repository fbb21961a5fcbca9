package app.chorus.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files in the system's temporary folder that media work needs for a moment: an upload received before it is known to
 * be acceptable (ImageIO and the box reader want to seek), or a stored original copied out to be cut again. Whoever
 * makes one deletes it.
 */
final class TemporaryFiles {

	private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);

	private TemporaryFiles() {
	}

	/**
	 * Copies the stream to a temporary file, giving up as soon as it grows past {@code limit} bytes.
	 * @throws RuntimeException the one {@code tooLarge} supplies, when the stream is longer than the limit
	 * @throws IllegalStateException when the stream breaks off or the file cannot be written
	 */
	static Path spool(InputStream content, long limit, Supplier<? extends RuntimeException> tooLarge) {
		Path file = create(".upload");
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
				total += read;
				if (total > limit) {
					throw tooLarge.get();
				}
				out.write(buffer, 0, read);
			}
			return file;
		}
		catch (IOException e) {
			delete(file);
			throw new IllegalStateException("Could not receive the uploaded file", e);
		}
		catch (RuntimeException e) {
			delete(file);
			throw e;
		}
	}

	/** Copies the stream to a temporary file (the caller closes the stream). */
	static Path copy(InputStream content) throws IOException {
		Path file = create(".original");
		try {
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException | RuntimeException e) {
			delete(file);
			throw e;
		}
	}

	/** The file's first {@code count} bytes, or all of it when it is shorter. */
	static byte[] head(Path file, int count) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(count);
		}
	}

	/** Deletes the file; a failure is logged, since the work it served is done either way. */
	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not remove the temporary file {}: {}", file, e.toString());
		}
	}

	private static Path create(String suffix) {
		try {
			return Files.createTempFile("chorus-media-", suffix);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not create a temporary file for media", e);
		}
	}
}
