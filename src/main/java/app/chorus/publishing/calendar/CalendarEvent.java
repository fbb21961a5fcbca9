package app.chorus.publishing.calendar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A post on the calendar. {@code editable}: whether the reader may move it now (it is scheduled, held, approved, or a
 * draft with a time, and they may publish on every channel it goes to). {@code start} is when it went out once
 * published, else its time.
 */
record CalendarEvent(String id, UUID postId, String title, Instant start, String status,
		List<Channel> channels, @Nullable Campaign campaign, boolean editable, String url) {

	public CalendarEvent {
		channels = List.copyOf(channels);
	}

	/** A channel the post goes to; {@code name} is null when the channel was disconnected since. */
	public record Channel(UUID id, String network, @Nullable String name) {
	}

	public record Campaign(UUID id, String name, String colour) {
	}
}
