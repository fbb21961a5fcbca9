package app.chorus.shared.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The folder where Chorus keeps its own data (the embedded database, generated keys). One running Chorus process owns
 * it: a second process pointed at the same folder stops at once with a clear message instead of corrupting it.
 * Several application contexts inside one JVM (as in the test suite) share the one lock.
 */
public final class DataFolder {

	private static final Map<Path, DataFolder> OPEN = new HashMap<>();

	private final Path path;
	private final FileChannel channel;
	private final FileLock lock;
	private int users;

	private DataFolder(Path path, FileChannel channel, FileLock lock) {
		this.path = path;
		this.channel = channel;
		this.lock = lock;
	}

	/** Opens (and locks) the folder, creating it when missing. */
	public static synchronized DataFolder open(Path folder) {
		Path path = folder.toAbsolutePath().normalize();
		DataFolder open = OPEN.get(path);
		if (open == null) {
			open = lock(path);
			OPEN.put(path, open);
		}
		open.users++;
		return open;
	}

	private static DataFolder lock(Path path) {
		try {
			Files.createDirectories(path);
			FileChannel channel = FileChannel.open(path.resolve("chorus.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException e) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new DataFolderInUseException(path);
			}
			return new DataFolder(path, channel, lock);
		}
		catch (IOException e) {
			throw new IllegalStateException("Chorus cannot use its data folder " + path + ": " + e.getMessage(), e);
		}
	}

	public Path path() {
		return path;
	}

	/** Releases this user's hold; the lock goes with the last one. */
	public void release() {
		synchronized (DataFolder.class) {
			if (--users > 0) {
				return;
			}
			OPEN.remove(path);
			try {
				lock.release();
				channel.close();
			}
			catch (IOException e) {
				throw new IllegalStateException("Could not release the data folder lock in " + path, e);
			}
		}
	}

	/** Another running Chorus holds the folder. */
	public static final class DataFolderInUseException extends IllegalStateException {

		DataFolderInUseException(Path path) {
			super("The data folder " + path + " is in use by another running Chorus. Stop that one first, or start "
					+ "this one with its own folder (CHORUS_DATA_DIR=/some/other/folder).");
		}
	}
}
