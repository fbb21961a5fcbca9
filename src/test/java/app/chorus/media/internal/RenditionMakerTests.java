package app.chorus.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.chorus.media.FocalPoint;
import app.chorus.media.Rendition;
import app.chorus.media.TestMedia;

/** Images read through ImageIO (and TwelveMonkeys for WebP), upright, and cut into their renditions. */
class RenditionMakerTests {

	@TempDir
	Path temp;

	final RenditionMaker maker = new RenditionMaker();

	@Test
	void readsTheSizeOfAWebpWrittenFromTheSpecificationAndCutsIt() throws Exception {
		Path file = file("colour.webp", TestMedia.webp(40, 30, 0xff2266aa));
		assertThat(StillImages.inspect(file, MediaFormat.WEBP, 1_000_000))
			.isEqualTo(new StillImages.ImageFacts(40, 30, false));

		Map<Rendition, RenditionMaker.Made> made = make(file, MediaFormat.WEBP, FocalPoint.CENTRE, false);
		assertThat(made).containsOnlyKeys(Rendition.values());
		RenditionMaker.Made square = made.get(Rendition.SQUARE);
		assertThat(square.mimeType()).isEqualTo("image/jpeg");
		BufferedImage decoded = decode(square);
		assertThat(decoded.getWidth()).isEqualTo(30);
		assertThat(decoded.getHeight()).isEqualTo(30);
		int rgb = decoded.getRGB(15, 15);
		assertThat((rgb >> 16) & 0xff).as("red").isCloseTo(0x22, org.assertj.core.data.Offset.offset(6));
		assertThat((rgb >> 8) & 0xff).as("green").isCloseTo(0x66, org.assertj.core.data.Offset.offset(6));
		assertThat(rgb & 0xff).as("blue").isCloseTo(0xaa, org.assertj.core.data.Offset.offset(6));
	}

	@Test
	void everyRenditionHasItsShapeAndTheFileSaysSo() throws Exception {
		Path file = file("bands.png", TestMedia.png(TestMedia.bands(300, 200)));
		Map<Rendition, RenditionMaker.Made> made = make(file, MediaFormat.PNG, FocalPoint.CENTRE, false);
		assertThat(size(made.get(Rendition.SQUARE))).containsExactly(200, 200);
		assertThat(size(made.get(Rendition.PORTRAIT))).containsExactly(160, 200);
		assertThat(size(made.get(Rendition.VERTICAL))).containsExactly(113, 200);
		assertThat(size(made.get(Rendition.LINK))).containsExactly(300, 157);
		assertThat(size(made.get(Rendition.LANDSCAPE))).containsExactly(300, 169);
		for (RenditionMaker.Made rendition : made.values()) {
			BufferedImage decoded = decode(rendition);
			assertThat(new int[] { decoded.getWidth(), decoded.getHeight() }).as(rendition.rendition().key())
				.containsExactly(rendition.width(), rendition.height());
		}
	}

	@Test
	void theCropFollowsTheFocalPoint() throws Exception {
		// red, green, blue bands of 100 pixels: a square at the far left is red to green, at the far right green to blue
		Path file = file("bands.png", TestMedia.png(TestMedia.bands(300, 200)));
		BufferedImage left = decode(make(file, MediaFormat.PNG, new FocalPoint(0, 0.5), false).get(Rendition.SQUARE));
		BufferedImage right = decode(make(file, MediaFormat.PNG, new FocalPoint(1, 0.5), false).get(Rendition.SQUARE));
		assertThat(dominant(left.getRGB(5, 100))).isEqualTo("red");
		assertThat(dominant(left.getRGB(194, 100))).isEqualTo("green");
		assertThat(dominant(right.getRGB(5, 100))).isEqualTo("green");
		assertThat(dominant(right.getRGB(194, 100))).isEqualTo("blue");
	}

	@Test
	void transparentImagesStayTransparentAsPngAndOpaqueOnesBecomeJpeg() throws Exception {
		Path transparent = file("logo.png", TestMedia.png(TestMedia.halfTransparent(80, 60)));
		RenditionMaker.Made square = make(transparent, MediaFormat.PNG, FocalPoint.CENTRE, false).get(Rendition.SQUARE);
		assertThat(square.mimeType()).isEqualTo("image/png");
		assertThat(decode(square).getRGB(1, 30) >>> 24).as("alpha at the left").isZero();

		BufferedImage opaqueWithAlphaChannel = new BufferedImage(80, 60, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < 60; y++) {
			for (int x = 0; x < 80; x++) {
				opaqueWithAlphaChannel.setRGB(x, y, 0xff808080);
			}
		}
		Path opaque = file("flat.png", TestMedia.png(opaqueWithAlphaChannel));
		assertThat(make(opaque, MediaFormat.PNG, FocalPoint.CENTRE, false).get(Rendition.SQUARE).mimeType())
			.isEqualTo("image/jpeg");
	}

	@Test
	void aJpegTurnedByItsExifOrientationIsMeasuredAndCutUpright() throws Exception {
		// stored 40 wide and 20 high, to be turned a quarter clockwise for viewing (orientation 6)
		Path file = file("phone.jpg", TestMedia.jpegWithOrientation(TestMedia.bands(40, 20), 6));
		assertThat(StillImages.inspect(file, MediaFormat.JPEG, 1_000_000))
			.isEqualTo(new StillImages.ImageFacts(20, 40, false));
		BufferedImage upright = StillImages.decode(file, MediaFormat.JPEG, 2048);
		assertThat(upright.getWidth()).isEqualTo(20);
		assertThat(upright.getHeight()).isEqualTo(40);
		// the stored left (red) band ends up at the top once turned clockwise
		assertThat(dominant(upright.getRGB(10, 2))).isEqualTo("red");
		assertThat(dominant(upright.getRGB(10, 37))).isEqualTo("blue");
	}

	@Test
	void anAnimatedGifIsCountedAsAnAnimationAndGetsOnlyAThumbnail() throws Exception {
		Path file = file("wave.gif", TestMedia.animatedGif(TestMedia.bands(30, 30), TestMedia.bands(30, 30)));
		assertThat(StillImages.inspect(file, MediaFormat.GIF, 1_000_000).animated()).isTrue();
		assertThat(make(file, MediaFormat.GIF, FocalPoint.CENTRE, true)).containsOnlyKeys(Rendition.THUMBNAIL);

		Path still = file("still.gif", TestMedia.gif(TestMedia.bands(30, 30)));
		assertThat(StillImages.inspect(still, MediaFormat.GIF, 1_000_000).animated()).isFalse();
	}

	@Test
	void imagesWithTooManyPixelsAreRefusedFromTheirHeaderAlone() throws Exception {
		Path file = file("big.png", TestMedia.png(TestMedia.bands(300, 200)));
		assertThatThrownBy(() -> StillImages.inspect(file, MediaFormat.PNG, 300 * 200 - 1))
			.isInstanceOf(TooManyPixelsException.class);
	}

	@Test
	void aDamagedImageIsUnreadable() throws Exception {
		byte[] png = TestMedia.png(TestMedia.bands(300, 200));
		byte[] damaged = Arrays.copyOf(png, 40);
		Arrays.fill(damaged, 16, 40, (byte) 0x5a);
		Path file = file("damaged.png", damaged);
		assertThatThrownBy(() -> {
			StillImages.inspect(file, MediaFormat.PNG, 1_000_000);
			StillImages.decode(file, MediaFormat.PNG, 2048);
		}).isInstanceOf(UnreadableMediaException.class);
	}

	@Test
	void hugeImagesAreReadSubsampledButNeverBelowWhatRenditionsNeed() {
		assertThat(StillImages.subsampling(4000, 3000, 2048)).isEqualTo(1);
		assertThat(StillImages.subsampling(9000, 8200, 2048)).isEqualTo(4);
		// a panorama stays sharp on its short side, unless its pixels alone would fill the memory
		assertThat(StillImages.subsampling(40_000, 1_000, 2048)).isEqualTo(1);
		assertThat(StillImages.subsampling(100_000, 1_000, 2048)).isEqualTo(2);
	}

	private Map<Rendition, RenditionMaker.Made> make(Path file, MediaFormat format, FocalPoint focus, boolean animated)
			throws Exception {
		List<RenditionMaker.Made> made = maker.make(file, format, focus, animated);
		return made.stream().collect(Collectors.toMap(RenditionMaker.Made::rendition, Function.identity()));
	}

	private Path file(String name, byte[] bytes) throws IOException {
		return Files.write(temp.resolve(name), bytes);
	}

	private static int[] size(RenditionMaker.Made made) {
		return new int[] { made.width(), made.height() };
	}

	private static BufferedImage decode(RenditionMaker.Made made) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(made.bytes()));
	}

	static String dominant(int rgb) {
		int red = (rgb >> 16) & 0xff;
		int green = (rgb >> 8) & 0xff;
		int blue = rgb & 0xff;
		if (red > green && red > blue) {
			return "red";
		}
		return green > blue ? "green" : "blue";
	}
}
