package app.chorus.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The file types the library takes, recognised by their first bytes (their "magic numbers"), never by a file name or
 * the type a client claims.
 */
public enum MediaFormat {

	JPEG("image/jpeg", "jpg", "jpeg"),
	PNG("image/png", "png", "png"),
	WEBP("image/webp", "webp", "webp"),
	GIF("image/gif", "gif", "gif"),
	MP4("video/mp4", "mp4", null),
	QUICKTIME("video/quicktime", "mov", null);

	/** How many leading bytes {@link #sniff(byte[])} looks at. */
	public static final int HEAD_BYTES = 64;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** ISO base media files that are pictures or sound, not video: HEIF/AVIF stills, AAC audio books. */
	private static final Set<String> NOT_VIDEO_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx",
			"mif1", "msf1", "avif", "avis", "M4A ", "M4B ", "M4P ", "crx ", "jp2 ", "jpx ");

	/** Box types a QuickTime movie written without a leading {@code ftyp} box starts with. */
	private static final Set<String> QUICKTIME_LEADING_BOXES = Set.of("moov", "mdat", "wide", "free", "skip",
			"pnot");

	private final String mimeType;
	private final String extension;
	private final @Nullable String imageIoFormat;

	MediaFormat(String mimeType, String extension, @Nullable String imageIoFormat) {
		this.mimeType = mimeType;
		this.extension = extension;
		this.imageIoFormat = imageIoFormat;
	}

	public String mimeType() {
		return mimeType;
	}

	/** The extension of stored originals, for people who browse the storage folder. */
	public String extension() {
		return extension;
	}

	/** The format name ImageIO reads it by; only for images. */
	String imageIoFormat() {
		String format = imageIoFormat;
		if (format == null) {
			throw new IllegalStateException(this + " is not an image");
		}
		return format;
	}

	public boolean isVideo() {
		return imageIoFormat == null;
	}

	public static Optional<MediaFormat> fromMimeType(String mimeType) {
		return Arrays.stream(values()).filter(f -> f.mimeType.equals(mimeType)).findFirst();
	}

	/**
	 * The format the file's first bytes show, if it is one the library takes.
	 * @param head the file's first bytes ({@link #HEAD_BYTES} are enough; fewer when the file is shorter)
	 */
	public static Optional<MediaFormat> sniff(byte[] head) {
		if (startsWith(head, 0, (byte) 0xff, (byte) 0xd8, (byte) 0xff)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
			return Optional.of(GIF);
		}
		if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")
				&& ascii(head, 12, 3).equals("VP8")) {
			return Optional.of(WEBP);
		}
		return isoMedia(head);
	}

	/** MP4 and QuickTime: ISO base media boxes; the {@code ftyp} box's brands tell the two (and stills) apart. */
	private static Optional<MediaFormat> isoMedia(byte[] head) {
		if (head.length < 12) {
			return Optional.empty();
		}
		long size = Integer.toUnsignedLong(readInt(head, 0));
		String type = ascii(head, 4, 4);
		if (type.equals("ftyp")) {
			if (size < 16 || size % 4 != 0) {
				return Optional.empty();
			}
			String major = ascii(head, 8, 4);
			if (NOT_VIDEO_BRANDS.contains(major)) {
				return Optional.empty();
			}
			return Optional.of(major.equals("qt  ") ? QUICKTIME : MP4);
		}
		// size 0 means "to the end of the file", 1 a 64-bit size that follows; any other must hold its own header
		if (QUICKTIME_LEADING_BOXES.contains(type) && (size == 0 || size == 1 || size >= 8)) {
			return Optional.of(QUICKTIME);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] head, int offset, byte... expected) {
		if (head.length < offset + expected.length) {
			return false;
		}
		return Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
	}

	private static String ascii(byte[] head, int offset, int length) {
		if (head.length < offset + length) {
			return "";
		}
		return new String(head, offset, length, StandardCharsets.ISO_8859_1);
	}

	private static int readInt(byte[] bytes, int offset) {
		return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
				| bytes[offset + 3] & 0xff;
	}
}
