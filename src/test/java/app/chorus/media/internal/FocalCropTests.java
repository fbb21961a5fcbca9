package app.chorus.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.chorus.media.FocalPoint;
import app.chorus.media.Rendition;

/** The crop lies inside the image, has the rendition's shape, is as large as fits, and keeps the focal point. */
class FocalCropTests {

	private static final List<FocalPoint> POINTS = List.of(FocalPoint.CENTRE, new FocalPoint(0, 0),
			new FocalPoint(1, 1), new FocalPoint(0, 1), new FocalPoint(1, 0), new FocalPoint(0.5, 0),
			new FocalPoint(0, 0.5), new FocalPoint(1, 0.5), new FocalPoint(0.5, 1), new FocalPoint(0.13, 0.87),
			new FocalPoint(0.999, 0.001));

	private static final int[][] SIZES = { { 1, 1 }, { 1, 1000 }, { 1000, 1 }, { 2, 3 }, { 300, 200 },
			{ 200, 300 }, { 1080, 1920 }, { 1920, 1080 }, { 4000, 3000 }, { 7, 5000 }, { 5000, 7 }, { 1000, 1000 } };

	@Test
	void everyCropStaysInsideTheImageAndContainsTheFocalPoint() {
		for (int[] size : SIZES) {
			int width = size[0];
			int height = size[1];
			for (Rendition rendition : Rendition.values()) {
				for (FocalPoint point : POINTS) {
					FocalCrop crop = FocalCrop.around(width, height, point, rendition.ratio());
					String what = width + "×" + height + " " + rendition + " at " + point + ": " + crop;
					assertThat(crop.width()).as(what).isBetween(1, width);
					assertThat(crop.height()).as(what).isBetween(1, height);
					assertThat(crop.x()).as(what).isBetween(0, width - crop.width());
					assertThat(crop.y()).as(what).isBetween(0, height - crop.height());
					assertThat(point.x() * width).as(what).isBetween((double) crop.x(), (double) crop.x() + crop.width());
					assertThat(point.y() * height).as(what).isBetween((double) crop.y(),
							(double) crop.y() + crop.height());
					assertThat(crop.width() == width || crop.height() == height)
						.as("%s spans the full width or the full height", what).isTrue();
				}
			}
		}
	}

	@Test
	void cropsHaveTheRenditionsShapeToTheNearestPixel() {
		for (Rendition rendition : Rendition.values()) {
			for (int[] size : new int[][] { { 4000, 3000 }, { 3000, 4000 }, { 1920, 1080 }, { 1080, 1920 } }) {
				FocalCrop crop = FocalCrop.around(size[0], size[1], FocalPoint.CENTRE, rendition.ratio());
				double tolerance = 1.0 / Math.min(crop.width(), crop.height());
				assertThat((double) crop.width() / crop.height()).as(rendition + " of " + size[0] + "×" + size[1])
					.isCloseTo(rendition.ratio(), org.assertj.core.data.Offset.offset(rendition.ratio() * tolerance));
			}
		}
	}

	@Test
	void aCentredSquareOfALandscapeImageTakesItsMiddle() {
		assertThat(FocalCrop.around(300, 200, FocalPoint.CENTRE, 1)).isEqualTo(new FocalCrop(50, 0, 200, 200));
	}

	@Test
	void theCropSlidesTowardsTheFocalPointUntilItMeetsTheEdge() {
		assertThat(FocalCrop.around(300, 200, new FocalPoint(0, 0.5), 1)).isEqualTo(new FocalCrop(0, 0, 200, 200));
		assertThat(FocalCrop.around(300, 200, new FocalPoint(1, 0.5), 1)).isEqualTo(new FocalCrop(100, 0, 200, 200));
		assertThat(FocalCrop.around(300, 200, new FocalPoint(0.4, 0.5), 1))
			.isEqualTo(new FocalCrop(20, 0, 200, 200));
		// a 9:16 slice of a landscape photo follows a face near its right edge
		assertThat(FocalCrop.around(1920, 1080, new FocalPoint(0.8, 0.3), 9 / 16.0))
			.isEqualTo(new FocalCrop(1232, 0, 608, 1080));
		assertThat(FocalCrop.around(1920, 1080, new FocalPoint(0.9, 0.3), 9 / 16.0))
			.isEqualTo(new FocalCrop(1312, 0, 608, 1080));
		// a 1.91:1 band of a portrait photo follows a point near its top
		assertThat(FocalCrop.around(1080, 1350, new FocalPoint(0.5, 0.1), 1.91))
			.isEqualTo(new FocalCrop(0, 0, 1080, 565));
	}

	@Test
	void scalingCapsTheLongestSideAndNeverEnlarges() {
		FocalCrop big = FocalCrop.around(6000, 4000, FocalPoint.CENTRE, 4 / 5.0);
		assertThat(big.scaledTo(2048)).isEqualTo(new FocalCrop.Size(1638, 2048));
		FocalCrop small = FocalCrop.around(300, 200, FocalPoint.CENTRE, 16 / 9.0);
		assertThat(small.scaledTo(2048)).isEqualTo(new FocalCrop.Size(300, 169));
		assertThat(FocalCrop.around(5000, 7, FocalPoint.CENTRE, 1.91).scaledTo(480)).isEqualTo(new FocalCrop.Size(13, 7));
	}
}
