package app.chorus.media.internal;

import app.chorus.media.FocalPoint;

/**
 * Where a rendition is cut from an image: the largest rectangle of the rendition's shape that fits in the image,
 * centred on the focal point as far as the image's edges allow. The rectangle always lies inside the image and always
 * contains the focal point (on its edge at worst, when the point sits on the image's edge).
 * @param x the left edge, in pixels from the image's left
 * @param y the top edge, in pixels from the image's top
 */
record FocalCrop(int x, int y, int width, int height) {

	/** A width and height in pixels. */
	record Size(int width, int height) {
	}

	/**
	 * @param imageWidth the upright image's width, at least 1
	 * @param imageHeight the upright image's height, at least 1
	 * @param ratio the shape wanted, width ÷ height
	 */
	static FocalCrop around(int imageWidth, int imageHeight, FocalPoint focus, double ratio) {
		if (imageWidth < 1 || imageHeight < 1 || !(ratio > 0) || Double.isInfinite(ratio)) {
			throw new IllegalArgumentException("No crop of " + imageWidth + "×" + imageHeight + " at " + ratio);
		}
		int width;
		int height;
		if ((double) imageWidth / imageHeight > ratio) {
			height = imageHeight;
			width = clamp(Math.round(imageHeight * ratio), 1, imageWidth);
		}
		else {
			width = imageWidth;
			height = clamp(Math.round(imageWidth / ratio), 1, imageHeight);
		}
		int x = clamp(Math.round(focus.x() * imageWidth - width / 2.0), 0, imageWidth - width);
		int y = clamp(Math.round(focus.y() * imageHeight - height / 2.0), 0, imageHeight - height);
		return new FocalCrop(x, y, width, height);
	}

	/** The crop's size once scaled down so its longest side is at most {@code maxSide}; never enlarged. */
	Size scaledTo(int maxSide) {
		int longest = Math.max(width, height);
		if (longest <= maxSide) {
			return new Size(width, height);
		}
		double scale = (double) maxSide / longest;
		return new Size(clamp(Math.round(width * scale), 1, maxSide), clamp(Math.round(height * scale), 1, maxSide));
	}

	private static int clamp(long value, int min, int max) {
		return (int) Math.max(min, Math.min(max, value));
	}
}
