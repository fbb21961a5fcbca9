package app.chorus.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import app.chorus.media.IsoBoxes;
import app.chorus.media.TestMedia;

/** The type comes from the file's first bytes, whatever it is called. */
class MediaFormatTests {

	@Test
	void recognisesImagesImageIoWrote() {
		assertThat(MediaFormat.sniff(head(TestMedia.jpeg(TestMedia.bands(30, 20))))).contains(MediaFormat.JPEG);
		assertThat(MediaFormat.sniff(head(TestMedia.png(TestMedia.bands(30, 20))))).contains(MediaFormat.PNG);
		assertThat(MediaFormat.sniff(head(TestMedia.gif(TestMedia.bands(30, 20))))).contains(MediaFormat.GIF);
	}

	@Test
	void recognisesWebp() {
		assertThat(MediaFormat.sniff(head(TestMedia.webp(4, 3, 0xff336699)))).contains(MediaFormat.WEBP);
	}

	@Test
	void tellsMp4FromQuickTimeByTheFileTypeBox() {
		assertThat(MediaFormat.sniff(head(IsoBoxes.mp4()))).contains(MediaFormat.MP4);
		assertThat(MediaFormat.sniff(head(IsoBoxes.video("mp42", 0, 600, 6000, 640, 360, false, false))))
			.contains(MediaFormat.MP4);
		assertThat(MediaFormat.sniff(head(IsoBoxes.video("qt  ", 0, 600, 6000, 640, 360, true, false))))
			.contains(MediaFormat.QUICKTIME);
		// an old QuickTime movie without a file type box starts straight with its movie or data box
		assertThat(MediaFormat.sniff(head(IsoBoxes.box("moov", IsoBoxes.mvhd(0, 600, 600)))))
			.contains(MediaFormat.QUICKTIME);
	}

	@Test
	void refusesIsoFilesThatAreStillsOrSound() {
		assertThat(MediaFormat.sniff(head(IsoBoxes.concat(IsoBoxes.ftyp("heic", "mif1", "heic"), new byte[40]))))
			.isEmpty();
		assertThat(MediaFormat.sniff(head(IsoBoxes.concat(IsoBoxes.ftyp("avif", "mif1"), new byte[40])))).isEmpty();
		assertThat(MediaFormat.sniff(head(IsoBoxes.concat(IsoBoxes.ftyp("M4A ", "isom"), new byte[40])))).isEmpty();
	}

	@Test
	void refusesTextWhateverItIsCalled() {
		assertThat(MediaFormat.sniff("Just some notes, saved as photo.jpg\n".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(MediaFormat.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(MediaFormat.sniff("%PDF-1.7\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void refusesOtherRiffFilesAndCutOffHeaders() {
		byte[] wave = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(MediaFormat.sniff(wave)).isEmpty();
		assertThat(MediaFormat.sniff(new byte[0])).isEmpty();
		assertThat(MediaFormat.sniff(new byte[] { (byte) 0xff, (byte) 0xd8 })).isEmpty();
		assertThat(MediaFormat.sniff("GIF8".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(MediaFormat.sniff(Arrays.copyOf(TestMedia.png(TestMedia.bands(3, 3)), 7))).isEmpty();
	}

	private static byte[] head(byte[] file) {
		return Arrays.copyOf(file, Math.min(file.length, MediaFormat.HEAD_BYTES));
	}
}
