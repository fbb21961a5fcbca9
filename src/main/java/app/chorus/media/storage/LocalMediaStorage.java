package app.chorus.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Media files in a folder on this machine ({@code <data-dir>/media} by default). A file is written beside its final
 * name under a hidden temporary name, forced to disk, then moved into place in one step, so a crash or a failed upload
 * never leaves half a file under a key. Keys are checked ({@link StorageKeys}) and the resolved path must still lie
 * inside the folder, symbolic links followed, so no key reaches a file outside it.
 */
public final class LocalMediaStorage implements MediaStorage {

	private final Path configured;
	private volatile @org.jspecify.annotations.Nullable Path root;

	/** The folder is made when the first file is stored, so a Chorus that never stores media makes none. */
	public LocalMediaStorage(Path root) {
		this.configured = root.toAbsolutePath().normalize();
	}

	/** The folder, made now if it does not exist yet (symbolic links resolved). */
	public Path root() throws IOException {
		Path known = root;
		if (known == null) {
			Files.createDirectories(configured);
			known = configured.toRealPath();
			root = known;
		}
		return known;
	}

	@Override
	public long put(String key, InputStream content) throws IOException {
		Path target = resolve(key);
		Path folder = target.getParent();
		Files.createDirectories(folder);
		requireInside(folder.toRealPath(), key);
		Path temporary = Files.createTempFile(folder, ".incoming-", ".part");
		try {
			long written;
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				written = content.transferTo(out);
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return written;
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temporary);
			throw e;
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		Path file = resolve(key);
		requireInside(file.toRealPath(), key);
		return Files.newInputStream(file);
	}

	@Override
	public void delete(String key) throws IOException {
		Path file = resolve(key);
		if (Files.exists(file)) {
			requireInside(file.toRealPath(), key);
		}
		Files.deleteIfExists(file);
		// empty folders the key's file leaves behind go too, up to (not including) the root
		Path top = root();
		for (Path folder = file.getParent(); folder != null && !folder.equals(top); folder = folder.getParent()) {
			try {
				if (!Files.deleteIfExists(folder)) {
					break;
				}
			}
			catch (DirectoryNotEmptyException e) {
				break;
			}
		}
	}

	private Path resolve(String key) throws IOException {
		Path resolved = root().resolve(StorageKeys.check(key)).normalize();
		requireInside(resolved, key);
		return resolved;
	}

	private void requireInside(Path path, String key) throws IOException {
		if (!path.startsWith(root())) {
			throw new IllegalArgumentException("The storage key leads outside the media folder: " + key);
		}
	}
}
