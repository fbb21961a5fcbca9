package app.chorus.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import app.chorus.media.IsoBoxes;
import app.chorus.media.internal.IsoMediaReader.VideoFacts;

/** Duration and picture size from the boxes of MP4 and QuickTime files built in the test. */
class IsoMediaReaderTests {

	@Test
	void readsLengthAndSizeOfAWebOptimisedMp4() throws Exception {
		VideoFacts facts = read(IsoBoxes.mp4());
		assertThat(facts.duration()).isEqualTo(Duration.ofMillis(12_500));
		assertThat(facts.width()).isEqualTo(1920);
		assertThat(facts.height()).isEqualTo(1080);
	}

	@Test
	void findsTheMovieBoxAfterTheMediaData() throws Exception {
		VideoFacts facts = read(IsoBoxes.video("qt  ", 0, 600, 600 * 95, 1280, 720, false, false));
		assertThat(facts.duration()).isEqualTo(Duration.ofSeconds(95));
		assertThat(facts.width()).isEqualTo(1280);
		assertThat(facts.height()).isEqualTo(720);
	}

	@Test
	void readsVersionOneHeadersWith64BitTimes() throws Exception {
		long duration = 90_000L * 60 * 60 * 3; // three hours at a 90 kHz time scale: past 32 bits
		VideoFacts facts = read(IsoBoxes.video("isom", 1, 90_000, duration, 3840, 2160, true, false));
		assertThat(facts.duration()).isEqualTo(Duration.ofHours(3));
		assertThat(facts.width()).isEqualTo(3840);
	}

	@Test
	void aVideoStoredTurnedAQuarterReportsItsUprightSize() throws Exception {
		VideoFacts facts = read(IsoBoxes.video("mp42", 0, 30_000, 30_000 * 7, 1920, 1080, true, true));
		assertThat(facts.width()).isEqualTo(1080);
		assertThat(facts.height()).isEqualTo(1920);
	}

	@Test
	void skipsMediaDataWithA64BitSizeWithoutReadingIt() throws Exception {
		byte[] file = IsoBoxes.concat(IsoBoxes.ftyp("isom", "isom"), IsoBoxes.largeBox("mdat", new byte[500]),
				IsoBoxes.box("moov", IsoBoxes.mvhd(0, 1000, 2_000), IsoBoxes.track(0, "vide", 640, 480, false)));
		CountingChannel channel = new CountingChannel(file);
		VideoFacts facts = IsoMediaReader.read(channel);
		assertThat(facts.duration()).isEqualTo(Duration.ofSeconds(2));
		assertThat(facts.width()).isEqualTo(640);
		assertThat(channel.bytesRead).as("the media data is stepped over, not read").isLessThan(file.length - 400);
	}

	@Test
	void aFragmentedMovieTakesItsLengthFromTheMovieExtendsHeader() throws Exception {
		byte[] mehd = IsoBoxes.box("mehd", ByteBuffer.allocate(8).putInt(0).putInt(45_000).array());
		byte[] file = IsoBoxes.concat(IsoBoxes.ftyp("iso6", "iso6"), IsoBoxes.box("moov", IsoBoxes.mvhd(0, 1000, 0),
				IsoBoxes.track(0, "vide", 1080, 1920, false), IsoBoxes.box("mvex", mehd)));
		assertThat(read(file).duration()).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void soundWithoutPicturesIsNotAVideo() {
		byte[] file = IsoBoxes.concat(IsoBoxes.ftyp("isom", "isom"),
				IsoBoxes.box("moov", IsoBoxes.mvhd(0, 44_100, 44_100 * 3), IsoBoxes.track(0, "soun", 0, 0, false)));
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableMediaException.class)
			.hasMessageContaining("no video track");
	}

	@Test
	void aFileWithoutAMovieHeaderIsRefused() {
		byte[] file = IsoBoxes.concat(IsoBoxes.ftyp("isom", "isom"), IsoBoxes.box("mdat", new byte[64]));
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableMediaException.class);
	}

	@Test
	void aCutOffFileIsRefused() {
		byte[] whole = IsoBoxes.mp4();
		byte[] cut = Arrays.copyOf(whole, 200);
		assertThatThrownBy(() -> read(cut)).isInstanceOf(UnreadableMediaException.class);
	}

	@Test
	void aBoxClaimingMoreThanItsContainerHoldsIsRefused() {
		byte[] file = IsoBoxes.mp4();
		// the movie box (right after the 24-byte file type box) claims to run far past the file's end
		ByteBuffer.wrap(file).putInt(24, 0x7fff_0000);
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableMediaException.class)
			.hasMessageContaining("does not fit");
	}

	@Test
	void aBoxShorterThanItsOwnHeaderIsRefused() {
		byte[] file = IsoBoxes.mp4();
		ByteBuffer.wrap(file).putInt(24, 4);
		assertThatThrownBy(() -> read(file)).isInstanceOf(UnreadableMediaException.class);
	}

	private static VideoFacts read(byte[] file) throws IOException, UnreadableMediaException {
		return IsoMediaReader.read(new CountingChannel(file));
	}

	/** A read-only channel over bytes that counts what is read. */
	static final class CountingChannel implements SeekableByteChannel {

		private final byte[] bytes;
		private long position;
		long bytesRead;

		CountingChannel(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read(ByteBuffer dst) {
			if (position >= bytes.length) {
				return -1;
			}
			int n = (int) Math.min(dst.remaining(), bytes.length - position);
			dst.put(bytes, (int) position, n);
			position += n;
			bytesRead += n;
			return n;
		}

		@Override
		public int write(ByteBuffer src) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long position() {
			return position;
		}

		@Override
		public SeekableByteChannel position(long newPosition) {
			position = newPosition;
			return this;
		}

		@Override
		public long size() {
			return bytes.length;
		}

		@Override
		public SeekableByteChannel truncate(long size) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public void close() {
		}
	}
}
