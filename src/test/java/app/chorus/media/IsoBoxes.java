package app.chorus.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * ISO base media files (MP4, QuickTime) built box by box for tests, with the fields ISO/IEC 14496-12 gives each box.
 * Only what a reader of durations and picture sizes looks at carries meaning; the rest is zeros of the right length.
 */
public final class IsoBoxes {

	private static final int[] IDENTITY = { 0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000 };

	/** 90° clockwise, as a phone writes a portrait video recorded with the sensor sideways. */
	private static final int[] QUARTER_TURN = { 0, 0x0001_0000, 0, -0x0001_0000, 0, 0, 0, 0, 0x4000_0000 };

	private IsoBoxes() {
	}

	/** A box: 32-bit size, four-character type, payload. */
	public static byte[] box(String type, byte[]... payload) {
		byte[] body = TestMedia.concat(payload);
		return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(ascii(type)).put(body).array();
	}

	/** A box with a 64-bit size (size field 1), as writers use for media data past 4 GB. */
	public static byte[] largeBox(String type, byte[] payload) {
		return ByteBuffer.allocate(16 + payload.length).putInt(1).put(ascii(type)).putLong(16 + payload.length)
			.put(payload).array();
	}

	public static byte[] ftyp(String majorBrand, String... compatible) {
		ByteBuffer payload = ByteBuffer.allocate(8 + 4 * compatible.length).put(ascii(majorBrand)).putInt(0);
		for (String brand : compatible) {
			payload.put(ascii(brand));
		}
		return box("ftyp", payload.array());
	}

	public static byte[] mvhd(int version, long timescale, long duration) {
		ByteBuffer payload = ByteBuffer.allocate(version == 1 ? 112 : 100);
		payload.putInt(version << 24);
		if (version == 1) {
			payload.putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
		}
		else {
			payload.putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
		}
		payload.putInt(0x0001_0000).putShort((short) 0x0100).put(new byte[10]);
		for (int value : IDENTITY) {
			payload.putInt(value);
		}
		payload.put(new byte[24]).putInt(2);
		return box("mvhd", payload.array());
	}

	public static byte[] tkhd(int version, int width, int height, boolean quarterTurn) {
		ByteBuffer payload = ByteBuffer.allocate(version == 1 ? 96 : 84);
		payload.putInt(version << 24 | 0x000003);
		if (version == 1) {
			payload.putLong(0).putLong(0).putInt(1).putInt(0).putLong(0);
		}
		else {
			payload.putInt(0).putInt(0).putInt(1).putInt(0).putInt(0);
		}
		payload.put(new byte[8]).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0);
		for (int value : quarterTurn ? QUARTER_TURN : IDENTITY) {
			payload.putInt(value);
		}
		payload.putInt(width << 16).putInt(height << 16);
		return box("tkhd", payload.array());
	}

	public static byte[] hdlr(String handler) {
		byte[] name = "Handler\0".getBytes(StandardCharsets.US_ASCII);
		ByteBuffer payload = ByteBuffer.allocate(4 + 4 + 4 + 12 + name.length);
		payload.putInt(0).putInt(0).put(ascii(handler)).put(new byte[12]).put(name);
		return box("hdlr", payload.array());
	}

	public static byte[] track(int version, String handler, int width, int height, boolean quarterTurn) {
		return box("trak", tkhd(version, width, height, quarterTurn),
				box("mdia", box("mdhd", new byte[24]), hdlr(handler)));
	}

	/**
	 * A whole video file: {@code ftyp}, then {@code moov} (movie header, an audio track, then a video track) before or
	 * after the media data.
	 */
	public static byte[] video(String brand, int version, long timescale, long duration, int width, int height,
			boolean moovFirst, boolean quarterTurn) {
		byte[] moov = box("moov", mvhd(version, timescale, duration), track(version, "soun", 0, 0, false),
				track(version, "vide", width, height, quarterTurn));
		byte[] mdat = box("mdat", new byte[1000]);
		byte[] ftyp = ftyp(brand, brand, "isom");
		return moovFirst ? TestMedia.concat(ftyp, moov, mdat) : TestMedia.concat(ftyp, mdat, moov);
	}

	/** A 12.5-second 1920×1080 MP4 with its movie box first, as web-optimised files have it. */
	public static byte[] mp4() {
		return video("isom", 0, 1000, 12_500, 1920, 1080, true, false);
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] ascii(String fourCc) {
		byte[] bytes = fourCc.getBytes(StandardCharsets.ISO_8859_1);
		if (bytes.length != 4) {
			throw new IllegalArgumentException("A box type has four characters: " + fourCc);
		}
		return bytes;
	}
}
