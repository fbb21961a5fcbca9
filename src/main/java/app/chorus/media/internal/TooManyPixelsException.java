package app.chorus.media.internal;

/** An image with more pixels than Chorus decodes (a guard against files that unpack to gigabytes). */
class TooManyPixelsException extends UnreadableMediaException {

	private final long pixels;
	private final long maxPixels;

	TooManyPixelsException(long pixels, long maxPixels) {
		super(pixels + " pixels, more than " + maxPixels);
		this.pixels = pixels;
		this.maxPixels = maxPixels;
	}

	long pixels() {
		return pixels;
	}

	long maxPixels() {
		return maxPixels;
	}
}
