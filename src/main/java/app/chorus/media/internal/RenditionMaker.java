package app.chorus.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

import app.chorus.media.FocalPoint;
import app.chorus.media.Rendition;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Cuts an image's renditions: for each shape, the largest crop around the focal point ({@link FocalCrop}), scaled
 * down to the shape's longest side with Thumbnailator. Photos come out as JPEG; an image with transparent pixels as
 * PNG, so the transparency survives. An animation gets only its thumbnail (its first frame): it is published as
 * uploaded.
 * <p>
 * Decoding a large photo takes a good deal of memory, so only as many images are worked on at once as there are
 * processors; further uploads wait their turn.
 */
@Component
class RenditionMaker {

	static final float JPEG_QUALITY = 0.85f;

	private final Semaphore turns = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

	RenditionMaker() {
		// ImageIO finds plugins (TwelveMonkeys' WebP and JPEG readers) through the class loader of the thread that
		// first asks; scanning here, at start-up, makes them known whichever loader packaged the application.
		ImageIO.scanForPlugins();
	}

	/** One rendition's file. */
	record Made(Rendition rendition, String mimeType, String extension, int width, int height, byte[] bytes) {
	}

	List<Made> make(Path original, MediaFormat format, FocalPoint focus, boolean animated)
			throws IOException, UnreadableMediaException {
		try {
			turns.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting to make renditions", e);
		}
		try {
			int largest = 0;
			for (Rendition rendition : Rendition.values()) {
				largest = Math.max(largest, rendition.maxSide());
			}
			BufferedImage image = StillImages.decode(original, format, largest);
			boolean png = image.getColorModel().hasAlpha();
			List<Made> made = new ArrayList<>();
			for (Rendition rendition : Rendition.values()) {
				if (animated && rendition != Rendition.THUMBNAIL) {
					continue;
				}
				made.add(cut(image, rendition, focus, png));
			}
			return made;
		}
		finally {
			turns.release();
		}
	}

	private static Made cut(BufferedImage image, Rendition rendition, FocalPoint focus, boolean png)
			throws IOException {
		FocalCrop crop = FocalCrop.around(image.getWidth(), image.getHeight(), focus, rendition.ratio());
		FocalCrop.Size size = crop.scaledTo(rendition.maxSide());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var builder = Thumbnails.of(image)
			.sourceRegion(crop.x(), crop.y(), crop.width(), crop.height())
			.forceSize(size.width(), size.height())
			.imageType(png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
			.outputFormat(png ? "png" : "jpg");
		if (!png) {
			builder.outputQuality(JPEG_QUALITY);
		}
		builder.toOutputStream(out);
		return new Made(rendition, png ? "image/png" : "image/jpeg", png ? "png" : "jpg", size.width(), size.height(),
				out.toByteArray());
	}
}
