package app.chorus.media;

/**
 * The point of an image that every crop keeps in view, as fractions of the (upright) image's width and height:
 * {@code (0, 0)} is the top left corner, {@code (1, 1)} the bottom right.
 * @param x from 0 (left edge) to 1 (right edge)
 * @param y from 0 (top edge) to 1 (bottom edge)
 * @throws IllegalArgumentException when a coordinate lies outside 0..1 or is not a number
 */
public record FocalPoint(double x, double y) {

	/** The middle of the image: where crops are centred until someone says otherwise. */
	public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

	public FocalPoint {
		if (!inRange(x) || !inRange(y)) {
			throw new IllegalArgumentException("A focal point lies within 0..1 on both axes, not " + x + ", " + y);
		}
	}

	public static boolean inRange(double value) {
		return value >= 0 && value <= 1;
	}
}
