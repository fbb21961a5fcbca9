package app.chorus.channels.network.linkpreview;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The type of an image by its first bytes, for the four types every network takes for a card. A server's
 * Content-Type can be wrong (or an error page sent as an image); the bytes are what the network will see.
 */
final class ImageTypes {

	private ImageTypes() {
	}

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	static @Nullable String of(byte[] bytes) {
		if (startsWith(bytes, 0, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return "image/jpeg";
		}
		if (startsWith(bytes, 0, PNG)) {
			return "image/png";
		}
		if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
			return "image/gif";
		}
		if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
			return "image/webp";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}
