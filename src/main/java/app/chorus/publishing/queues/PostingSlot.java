package app.chorus.publishing.queues;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;

/** One weekly posting slot: a day of the week and a wall-clock time to the minute, in the queue's time zone. */
public record PostingSlot(DayOfWeek day, LocalTime time) implements Comparable<PostingSlot> {

	private static final Comparator<PostingSlot> ORDER = Comparator.comparing(PostingSlot::day)
		.thenComparing(PostingSlot::time);

	public PostingSlot {
		if (time.getSecond() != 0 || time.getNano() != 0) {
			throw new IllegalArgumentException("a posting slot is a whole minute: " + time);
		}
	}

	@Override
	public int compareTo(PostingSlot other) {
		return ORDER.compare(this, other);
	}
}
