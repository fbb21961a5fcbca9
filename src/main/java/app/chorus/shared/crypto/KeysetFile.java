package app.chorus.shared.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file on disk. A key file is never half-written (it is written in full to a temporary file beside it, synced,
 * then moved into place) and is never readable by anyone but its owner, not even for a moment: the temporary file is
 * created with mode 600, rather than changed to it after the key is already in it.
 */
final class KeysetFile {

	private static final Logger log = LoggerFactory.getLogger(KeysetFile.class);

	static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private KeysetFile() {
	}

	static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/**
	 * Writes a new file. When the file appeared in the meantime (another process generated a key at the same moment),
	 * it is left as it is and this returns {@code false}: two processes must never end up holding different keys.
	 */
	static boolean createIfAbsent(Path file, String content) throws IOException {
		Path temporary = writeTemporary(file, content);
		try {
			// A hard link fails when the target exists, and the target has the full content the moment it exists.
			Files.createLink(file, temporary);
		}
		catch (FileAlreadyExistsException e) {
			return false;
		}
		catch (UnsupportedOperationException | FileSystemException noHardLinks) {
			if (Files.exists(file)) {
				return false;
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		syncFolder(file);
		return true;
	}

	/** Replaces the file in one step: a reader (or a crash) sees the old content or the new, never a mix. */
	static void replace(Path file, String content) throws IOException {
		Path temporary = writeTemporary(file, content);
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			throw new IOException("The folder of " + file + " cannot replace files atomically", e);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		syncFolder(file);
	}

	/** Warns (once, at start-up) when people other than the file's owner may read or change the key file. */
	static void warnWhenOthersMayRead(Path file) throws IOException {
		if (!posix(file)) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (permissions.stream().anyMatch(OTHERS::contains)) {
			log.warn("The master key file {} can be read or changed by other users of this machine (permissions {}). "
					+ "Restrict it to its owner: chmod 600 {}", file, PosixFilePermissions.toString(permissions), file);
		}
	}

	private static Path writeTemporary(Path file, String content) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
		Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		try (FileChannel channel = posix(file)
				? FileChannel.open(temporary, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
				: FileChannel.open(temporary, options)) {
			ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temporary);
			throw e;
		}
		return temporary;
	}

	/** Makes the rename itself durable: without it, a power cut can leave the folder pointing at the old file. */
	private static void syncFolder(Path file) {
		try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
			folder.force(true);
		}
		catch (IOException e) {
			// Some platforms cannot open a folder for syncing; the file itself was synced before the move.
			log.debug("Could not sync the folder of {}: {}", file, e.getMessage());
		}
	}

	private static boolean posix(Path file) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		return Files.getFileStore(Files.exists(file) ? file : folder)
			.supportsFileAttributeView(PosixFileAttributeView.class);
	}
}
