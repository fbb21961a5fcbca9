package app.chorus.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/**
 * Small real media files made in the test, never downloaded: images written by ImageIO, a WebP written bit by bit
 * from the WebP lossless specification (RFC 9649), and MP4/QuickTime files assembled box by box from ISO/IEC 14496-12.
 */
public final class TestMedia {

	private TestMedia() {
	}

	/** An opaque image in three vertical bands: red, green, blue from left to right. */
	public static BufferedImage bands(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 3, height);
		graphics.setColor(Color.GREEN);
		graphics.fillRect(width / 3, 0, width / 3, height);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(2 * (width / 3), 0, width - 2 * (width / 3), height);
		graphics.dispose();
		return image;
	}

	/** An image whose left half is transparent. */
	public static BufferedImage halfTransparent(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, x < width / 2 ? 0x00000000 : 0xff3366cc);
			}
		}
		return image;
	}

	public static byte[] png(BufferedImage image) {
		return write(image, "png");
	}

	public static byte[] jpeg(BufferedImage image) {
		return write(image, "jpeg");
	}

	public static byte[] gif(BufferedImage image) {
		return write(image, "gif");
	}

	/** A GIF of several frames, as ImageIO's GIF writer writes a sequence. */
	public static byte[] animatedGif(BufferedImage... frames) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
			try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(stream);
				writer.prepareWriteSequence(null);
				for (BufferedImage frame : frames) {
					writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
				}
				writer.endWriteSequence();
			}
			finally {
				writer.dispose();
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A JPEG carrying an EXIF orientation (1 upright ... 6 "turn 90° clockwise to view", 8 "turn 90° anticlockwise"):
	 * an APP1 segment with a little-endian TIFF header and one IFD entry (tag 0x0112, SHORT), placed after the JFIF
	 * APP0 segment ImageIO writes.
	 */
	public static byte[] jpegWithOrientation(BufferedImage image, int orientation) {
		byte[] jpeg = jpeg(image);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0);
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
		int length = exif.length + 2;
		byte[] app1 = concat(new byte[] { (byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length }, exif);
		// SOI, then APP0 (FF E0, its length), then our APP1, then the rest
		int app0Length = (jpeg[4] & 0xff) << 8 | jpeg[5] & 0xff;
		int insertAt = 4 + app0Length;
		if ((jpeg[2] & 0xff) != 0xff || (jpeg[3] & 0xff) != 0xe0) {
			insertAt = 2;
		}
		byte[] result = new byte[jpeg.length + app1.length];
		System.arraycopy(jpeg, 0, result, 0, insertAt);
		System.arraycopy(app1, 0, result, insertAt, app1.length);
		System.arraycopy(jpeg, insertAt, result, insertAt + app1.length, jpeg.length - insertAt);
		return result;
	}

	/**
	 * A lossless WebP of one colour, written from the VP8L bitstream specification: the header (signature 0x2f,
	 * width − 1 and height − 1 in 14 bits each, the alpha hint, version 0), no transforms, no colour cache, no meta
	 * prefix codes, then five "simple" prefix codes (green, red, blue, alpha, distance) of one symbol each. A code of one
	 * symbol takes no bits to read, so every pixel decodes to the colour without any pixel data following.
	 */
	public static byte[] webp(int width, int height, int argb) {
		Bits bits = new Bits();
		bits.write(0x2f, 8);
		bits.write(width - 1, 14);
		bits.write(height - 1, 14);
		bits.write((argb >>> 24) == 0xff ? 0 : 1, 1);
		bits.write(0, 3);
		bits.write(0, 1); // no transform
		bits.write(0, 1); // no colour cache
		bits.write(0, 1); // one prefix code group for the whole image
		simpleCode(bits, (argb >>> 8) & 0xff); // green
		simpleCode(bits, (argb >>> 16) & 0xff); // red
		simpleCode(bits, argb & 0xff); // blue
		simpleCode(bits, argb >>> 24); // alpha
		simpleCode(bits, 0); // distance, never used
		// Zero bytes after the image data are allowed, and the decoder never reads them; TwelveMonkeys 3.14.0 fills its bit
		// buffer eight bytes at a time and fails on a stream that ends sooner, so the data is padded to 24 bytes.
		byte[] vp8l = java.util.Arrays.copyOf(bits.bytes(), Math.max(bits.bytes().length, 24));
		int padded = vp8l.length + (vp8l.length & 1);
		ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded);
		riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
		return riff.array();
	}

	private static void simpleCode(Bits bits, int symbol) {
		bits.write(1, 1); // simple code
		bits.write(0, 1); // one symbol
		if (symbol < 2) {
			bits.write(0, 1); // the symbol takes 1 bit
			bits.write(symbol, 1);
		}
		else {
			bits.write(1, 1); // the symbol takes 8 bits
			bits.write(symbol, 8);
		}
	}

	/** Bits written least significant first, as VP8L reads them. */
	private static final class Bits {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();
		private int current;
		private int used;

		void write(int value, int count) {
			for (int i = 0; i < count; i++) {
				current |= ((value >>> i) & 1) << used;
				if (++used == 8) {
					out.write(current);
					current = 0;
					used = 0;
				}
			}
		}

		byte[] bytes() {
			if (used > 0) {
				out.write(current);
				current = 0;
				used = 0;
			}
			return out.toByteArray();
		}
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
