package app.chorus.media.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads a video's length and picture size from the boxes of an ISO base media file (MP4, and QuickTime, which the
 * format grew from; ISO/IEC 14496-12): the movie header ({@code moov/mvhd}: time scale and duration) and the first
 * video track's header ({@code moov/trak/tkhd}: width and height, turned by its matrix when the video is stored
 * rotated). The file is walked box by box through a seekable channel; the media data ({@code mdat}) is skipped, never
 * read, so a large video costs a few small reads wherever its {@code moov} box sits.
 */
final class IsoMediaReader {

	/** What the boxes say about a video; a figure the file leaves out is {@code null}. */
	record VideoFacts(@Nullable Duration duration, @Nullable Integer width, @Nullable Integer height) {
	}

	private static final int MAX_DEPTH = 6;
	private static final int MAX_BOXES = 100_000;

	private final SeekableByteChannel channel;
	private int boxesSeen;

	private long timescale;
	private long movieDuration = -1;
	private long fragmentDuration = -1;
	private final List<Track> tracks = new ArrayList<>();
	private @Nullable Track currentTrack;

	private IsoMediaReader(SeekableByteChannel channel) {
		this.channel = channel;
	}

	private static final class Track {

		@Nullable
		String handler;

		double width;

		double height;

		boolean quarterTurn;
	}

	/**
	 * Reads the facts of the video in the channel (from its start to its size).
	 * @throws UnreadableMediaException when the boxes do not nest properly, the movie header is missing, or no track
	 * holds video
	 */
	static VideoFacts read(SeekableByteChannel channel) throws IOException, UnreadableMediaException {
		IsoMediaReader reader = new IsoMediaReader(channel);
		reader.walk(0, channel.size(), 0);
		return reader.facts();
	}

	private VideoFacts facts() throws UnreadableMediaException {
		if (timescale <= 0) {
			throw new UnreadableMediaException("no movie header (moov/mvhd) with a time scale");
		}
		Track video = tracks.stream().filter(t -> "vide".equals(t.handler)).findFirst()
			.orElseThrow(() -> new UnreadableMediaException("no video track"));
		long units = movieDuration > 0 ? movieDuration : fragmentDuration;
		Duration duration = units > 0 ? duration(units, timescale) : null;
		Integer width = pixels(video.quarterTurn ? video.height : video.width);
		Integer height = pixels(video.quarterTurn ? video.width : video.height);
		return new VideoFacts(duration, width, height);
	}

	private static Duration duration(long units, long timescale) {
		long seconds = units / timescale;
		long nanos = (units % timescale) * 1_000_000_000L / timescale;
		return Duration.ofSeconds(seconds, nanos);
	}

	private static @Nullable Integer pixels(double value) {
		long rounded = Math.round(value);
		return rounded > 0 && rounded <= Integer.MAX_VALUE ? (int) rounded : null;
	}

	/** Visits the boxes between {@code start} and {@code end}, descending into those that lead to the headers. */
	private void walk(long start, long end, int depth) throws IOException, UnreadableMediaException {
		long position = start;
		while (position < end) {
			if (++boxesSeen > MAX_BOXES) {
				throw new UnreadableMediaException("too many boxes");
			}
			if (end - position < 8) {
				// trailing padding shorter than a box header, which some writers leave at the end of a container
				return;
			}
			ByteBuffer header = readAt(position, 8);
			long size = Integer.toUnsignedLong(header.getInt());
			String type = fourCc(header);
			int headerLength = 8;
			if (size == 1) {
				size = readAt(position + 8, 8).getLong();
				headerLength = 16;
				if (size < 0) {
					throw new UnreadableMediaException("box " + type + " is larger than a file can be");
				}
			}
			else if (size == 0) {
				size = end - position;
			}
			if (size < headerLength || size > end - position) {
				throw new UnreadableMediaException("box " + type + " does not fit in its container");
			}
			long payload = position + headerLength;
			long payloadLength = size - headerLength;
			visit(type, payload, payloadLength, depth);
			position += size;
		}
	}

	private void visit(String type, long payload, long length, int depth)
			throws IOException, UnreadableMediaException {
		switch (type) {
			case "moov", "mdia", "mvex" -> descend(payload, length, depth);
			case "trak" -> {
				Track track = new Track();
				tracks.add(track);
				currentTrack = track;
				descend(payload, length, depth);
				currentTrack = null;
			}
			case "mvhd" -> movieHeader(payload, length);
			case "mehd" -> fragmentDuration = fragmentDuration(payload, length);
			case "tkhd" -> trackHeader(payload, length);
			case "hdlr" -> handler(payload, length);
			default -> {
				// everything else (the media data above all) is skipped unread
			}
		}
	}

	private void descend(long payload, long length, int depth) throws IOException, UnreadableMediaException {
		if (depth >= MAX_DEPTH) {
			throw new UnreadableMediaException("boxes nest too deep");
		}
		walk(payload, payload + length, depth + 1);
	}

	/** mvhd: version 0 has 32-bit times and duration, version 1 64-bit ones; the time scale is 32-bit in both. */
	private void movieHeader(long payload, long length) throws IOException, UnreadableMediaException {
		ByteBuffer box = readAt(payload, (int) Math.min(length, 32));
		int version = box.get(0) & 0xff;
		int timescaleOffset = version == 1 ? 4 + 8 + 8 : 4 + 4 + 4;
		requireLength(box, timescaleOffset + (version == 1 ? 12 : 8), "mvhd");
		timescale = Integer.toUnsignedLong(box.getInt(timescaleOffset));
		long duration = version == 1 ? box.getLong(timescaleOffset + 4)
				: Integer.toUnsignedLong(box.getInt(timescaleOffset + 4));
		movieDuration = unknownDuration(version, duration) ? -1 : duration;
	}

	/** mehd (movie extends header): the length of a fragmented movie, whose mvhd says 0. */
	private long fragmentDuration(long payload, long length) throws IOException, UnreadableMediaException {
		ByteBuffer box = readAt(payload, (int) Math.min(length, 12));
		int version = box.get(0) & 0xff;
		requireLength(box, 4 + (version == 1 ? 8 : 4), "mehd");
		long duration = version == 1 ? box.getLong(4) : Integer.toUnsignedLong(box.getInt(4));
		return unknownDuration(version, duration) ? -1 : duration;
	}

	private static boolean unknownDuration(int version, long duration) {
		// all ones means "not known" (ISO/IEC 14496-12)
		return version == 1 ? duration == -1L : duration == 0xffff_ffffL;
	}

	/**
	 * tkhd: after the times, track id and duration (32- or 64-bit by version) come 8 reserved bytes, layer, alternate
	 * group, volume, 2 reserved bytes, the 3×3 matrix (36 bytes) and width and height as 16.16 fixed-point numbers.
	 */
	private void trackHeader(long payload, long length) throws IOException, UnreadableMediaException {
		Track track = currentTrack;
		if (track == null) {
			return;
		}
		ByteBuffer box = readAt(payload, (int) Math.min(length, 96));
		int version = box.get(0) & 0xff;
		int matrixOffset = 4 + (version == 1 ? 8 + 8 + 4 + 4 + 8 : 4 + 4 + 4 + 4 + 4) + 8 + 2 + 2 + 2 + 2;
		int sizeOffset = matrixOffset + 36;
		requireLength(box, sizeOffset + 8, "tkhd");
		int a = box.getInt(matrixOffset);
		int b = box.getInt(matrixOffset + 4);
		int c = box.getInt(matrixOffset + 12);
		int d = box.getInt(matrixOffset + 16);
		track.quarterTurn = a == 0 && d == 0 && b != 0 && c != 0;
		track.width = Integer.toUnsignedLong(box.getInt(sizeOffset)) / 65536.0;
		track.height = Integer.toUnsignedLong(box.getInt(sizeOffset + 4)) / 65536.0;
	}

	/** hdlr: version and flags, a predefined zero, then the handler type ({@code vide}, {@code soun}, ...). */
	private void handler(long payload, long length) throws IOException, UnreadableMediaException {
		Track track = currentTrack;
		if (track == null || length < 12) {
			return;
		}
		ByteBuffer box = readAt(payload, 12);
		box.position(8);
		track.handler = fourCc(box);
	}

	private static void requireLength(ByteBuffer box, int needed, String type) throws UnreadableMediaException {
		if (box.limit() < needed) {
			throw new UnreadableMediaException(type + " box is too short");
		}
	}

	private ByteBuffer readAt(long position, int length) throws IOException, UnreadableMediaException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		channel.position(position);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) {
				throw new UnreadableMediaException("the file ends inside a box");
			}
		}
		return buffer.flip();
	}

	private static String fourCc(ByteBuffer buffer) {
		byte[] bytes = new byte[4];
		buffer.get(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}
}
