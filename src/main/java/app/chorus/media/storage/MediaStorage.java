package app.chorus.media.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where media files are kept, by key. A key is a relative path of segments separated by {@code /}; each segment is
 * letters, digits, {@code .}, {@code _} or {@code -} and starts with a letter or digit (so {@code ..} and hidden names
 * are impossible). Content is streamed both ways: an implementation never needs a whole file in memory.
 * <p>
 * The local folder is the default ({@link LocalMediaStorage}); an S3-compatible store implements the same three
 * operations.
 */
public interface MediaStorage {

	/**
	 * Stores the content under the key, replacing what was there. Readers see either the old file or the whole new one,
	 * never a part.
	 * @return the number of bytes stored
	 * @throws IllegalArgumentException when the key is not a valid key
	 * @throws IOException when the content cannot be read or stored; nothing is left under the key then
	 */
	long put(String key, InputStream content) throws IOException;

	/**
	 * The content stored under the key; the caller closes the stream.
	 * @throws java.nio.file.NoSuchFileException when nothing is stored under the key
	 * @throws IllegalArgumentException when the key is not a valid key
	 */
	InputStream open(String key) throws IOException;

	/**
	 * Removes what is stored under the key; nothing stored is not an error.
	 * @throws IllegalArgumentException when the key is not a valid key
	 */
	void delete(String key) throws IOException;
}
