package app.chorus.inbox.web;

import java.util.List;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import app.chorus.inbox.internal.InboxService.ChannelIngestion;

/**
 * How reading one channel's inbox stands, as the inbox page tells it: {@code ago} is how long since the last read that
 * got through, in the reader's language (null before the first).
 */
record ChannelReading(ChannelIngestion state, @Nullable String ago) {

	/** Reading it fails, or the network refused its credentials: the inbox is missing what came since. */
	boolean trouble() {
		return state.status().equals("failing") || state.status().equals("needs_reauthorization");
	}

	/**
	 * Every channel's reading, and the message that sums them up. {@code message} resolves a message key with its
	 * arguments in the reader's language.
	 */
	record Summary(List<ChannelReading> channels, String text, boolean trouble) {

		static Summary of(List<ChannelIngestion> states, BiFunction<String, Object[], String> message) {
			List<ChannelReading> channels = states.stream()
				.map(state -> new ChannelReading(state,
						state.lagSeconds() == null ? null : ago(state.lagSeconds(), message)))
				.toList();
			long trouble = channels.stream().filter(ChannelReading::trouble).count();
			long read = channels.stream().filter(channel -> channel.state().status().equals("ok")).count();
			long oldest = channels.stream().filter(channel -> channel.state().status().equals("ok"))
				.mapToLong(channel -> channel.state().lagSeconds() == null ? 0 : channel.state().lagSeconds())
				.max().orElse(0);
			long waiting = channels.stream().filter(channel -> channel.state().status().equals("waiting")).count();
			String text = trouble > 0 ? message.apply("inbox.reading.trouble", new Object[] { trouble })
					: read > 0 ? message.apply("inbox.reading.fine", new Object[] { read, ago(oldest, message) })
					: waiting > 0 ? message.apply("inbox.reading.waiting", new Object[0])
					: message.apply("inbox.reading.none", new Object[0]);
			return new Summary(channels, text, trouble > 0);
		}
	}

	/** A span of seconds in the largest unit that fits: 40 seconds, 3 minutes, 5 hours, 2 days. */
	static String ago(long seconds, BiFunction<String, Object[], String> message) {
		if (seconds < 60) {
			return message.apply("inbox.reading.seconds", new Object[] { seconds });
		}
		if (seconds < 3600) {
			return message.apply("inbox.reading.minutes", new Object[] { seconds / 60 });
		}
		if (seconds < 86_400) {
			return message.apply("inbox.reading.hours", new Object[] { seconds / 3600 });
		}
		return message.apply("inbox.reading.days", new Object[] { seconds / 86_400 });
	}
}
