package app.chorus.media.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.jspecify.annotations.Nullable;

import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Reading images with ImageIO (the JDK's readers, and TwelveMonkeys' for WebP and CMYK JPEGs): their size from the
 * header alone, and their pixels upright (a JPEG's EXIF orientation applied, as every viewer shows it), subsampled
 * while reading when the image is far larger than any rendition needs.
 */
final class StillImages {

	/** Pixels above which an image is read subsampled, so one huge upload cannot fill the memory. */
	static final long DECODE_PIXEL_BUDGET = 50_000_000L;

	private StillImages() {
	}

	/**
	 * What the header says.
	 * @param width upright width
	 * @param height upright height
	 * @param animated more than one frame (GIF, WebP)
	 */
	record ImageFacts(int width, int height, boolean animated) {
	}

	/**
	 * Reads the image's size and frame count without decoding its pixels.
	 * @throws UnreadableMediaException when no reader makes sense of it, or it has more pixels than {@code maxPixels}
	 */
	static ImageFacts inspect(Path file, MediaFormat format, long maxPixels)
			throws IOException, UnreadableMediaException {
		try (ImageInputStream in = open(file)) {
			ImageReader reader = reader(format);
			try {
				// only a JPEG's metadata matters here (its EXIF orientation); other formats' is skipped
				reader.setInput(in, false, format != MediaFormat.JPEG);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1) {
					throw new UnreadableMediaException("no pixels");
				}
				if ((long) width * height > maxPixels) {
					throw new TooManyPixelsException((long) width * height, maxPixels);
				}
				boolean animated = (format == MediaFormat.GIF || format == MediaFormat.WEBP)
						&& reader.getNumImages(true) > 1;
				boolean turned = quarterTurned(orientation(reader, format));
				return new ImageFacts(turned ? height : width, turned ? width : height, animated);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IIOException | RuntimeException e) {
			throw new UnreadableMediaException("image: " + e.getMessage(), e);
		}
	}

	/**
	 * The first frame's pixels, upright, as RGB, or ARGB when the image has transparent pixels (and only then).
	 * @param neededSide the longest side any rendition will have: an image whose shorter side is several times that is
	 * read subsampled
	 */
	static BufferedImage decode(Path file, MediaFormat format, int neededSide)
			throws IOException, UnreadableMediaException {
		try (ImageInputStream in = open(file)) {
			ImageReader reader = reader(format);
			try {
				reader.setInput(in, true, false);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				int step = subsampling(width, height, neededSide);
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				Orientation orientation = orientation(reader, format);
				BufferedImage image = normalised(reader.read(0, param));
				return orientation == null || orientation == Orientation.TOP_LEFT ? image
						: ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IIOException | RuntimeException e) {
			throw new UnreadableMediaException("image: " + e.getMessage(), e);
		}
	}

	/**
	 * How many source pixels to step over per pixel read: never so many that the shorter side drops below what a
	 * rendition needs (every crop spans the image's full width or full height), unless the image is over the pixel
	 * budget.
	 */
	static int subsampling(int width, int height, int neededSide) {
		int byRenditions = Math.max(1, Math.min(width, height) / neededSide);
		int byBudget = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_PIXEL_BUDGET));
		return Math.max(byRenditions, byBudget);
	}

	/** Whether any pixel is less than fully opaque. */
	static boolean hasTransparency(BufferedImage image) {
		WritableRaster alpha = image.getAlphaRaster();
		if (alpha == null) {
			return false;
		}
		int[] row = new int[alpha.getWidth()];
		for (int y = 0; y < alpha.getHeight(); y++) {
			alpha.getSamples(0, y, alpha.getWidth(), 1, 0, row);
			for (int value : row) {
				if (value < 255) {
					return true;
				}
			}
		}
		return false;
	}

	private static ImageInputStream open(Path file) throws IOException, UnreadableMediaException {
		ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
		if (in == null) {
			throw new UnreadableMediaException("ImageIO cannot open the file");
		}
		return in;
	}

	private static ImageReader reader(MediaFormat format) throws UnreadableMediaException {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoFormat());
		if (!readers.hasNext()) {
			throw new UnreadableMediaException("no ImageIO reader for " + format);
		}
		return readers.next();
	}

	private static @Nullable Orientation orientation(ImageReader reader, MediaFormat format) throws IOException {
		return format == MediaFormat.JPEG ? ExifUtils.getExifOrientation(reader, 0) : null;
	}

	private static boolean quarterTurned(@Nullable Orientation orientation) {
		return orientation == Orientation.LEFT_TOP || orientation == Orientation.RIGHT_TOP
				|| orientation == Orientation.RIGHT_BOTTOM || orientation == Orientation.LEFT_BOTTOM;
	}

	/** Any decoded image (indexed, grey, CMYK, 16-bit) as plain 8-bit RGB, or ARGB when it has transparent pixels. */
	private static BufferedImage normalised(BufferedImage decoded) {
		if (decoded.getColorModel().hasAlpha()) {
			BufferedImage argb = redrawn(decoded, BufferedImage.TYPE_INT_ARGB);
			if (hasTransparency(argb)) {
				return argb;
			}
		}
		return redrawn(decoded, BufferedImage.TYPE_INT_RGB);
	}

	private static BufferedImage redrawn(BufferedImage decoded, int type) {
		if (decoded.getType() == type) {
			return decoded;
		}
		BufferedImage converted = new BufferedImage(decoded.getWidth(), decoded.getHeight(), type);
		Graphics2D graphics = converted.createGraphics();
		try {
			graphics.drawImage(decoded, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return converted;
	}
}
