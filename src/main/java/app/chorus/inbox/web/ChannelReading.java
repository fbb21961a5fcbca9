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

	/**
	 * Reading it fails, or the network refused its credentials: the inbox is missing what came since. Public, as the
	 * page's expressions find only public methods.
	 */
	public boolean trouble() {
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
						state.lagSeconds() == null ? null : span(state.lagSeconds(), false, message)))
				.toList();
			long trouble = channels.stream().filter(ChannelReading::trouble).count();
			List<ChannelReading> read = channels.stream().filter(channel -> channel.state().status().equals("ok")).toList();
			long readable = channels.stream().filter(channel -> !channel.state().status().equals("unsupported")).count();
			long oldest = read.stream().mapToLong(channel -> channel.state().lagSeconds()).max().orElse(0);
			String text;
			if (trouble > 0) {
				text = message.apply("inbox.reading.trouble", new Object[] { trouble });
			}
			else if (read.isEmpty()) {
				text = message.apply(readable > 0 ? "inbox.reading.waiting" : "inbox.reading.none", new Object[0]);
			}
			else if (read.size() == readable) {
				text = message.apply("inbox.reading.fine", new Object[] { read.size(), span(oldest, true, message) });
			}
			else {
				text = message.apply("inbox.reading.partly",
						new Object[] { read.size(), readable, span(oldest, true, message) });
			}
			return new Summary(channels, text, trouble > 0);
		}
	}

	/**
	 * A span of seconds in the largest unit that fits (40 seconds, 3 minutes, 5 hours, 2 days), rounded down for
	 * "read 3 minutes ago" or up for "within the last 4 minutes".
	 */
	static String span(long seconds, boolean roundUp, BiFunction<String, Object[], String> message) {
		if (seconds < 60) {
			return message.apply("inbox.reading.seconds", new Object[] { seconds });
		}
		long[] units = { 60, 3600, 86_400 };
		String[] keys = { "inbox.reading.minutes", "inbox.reading.hours", "inbox.reading.days" };
		int unit = seconds < 3600 ? 0 : seconds < 86_400 ? 1 : 2;
		long amount = roundUp ? (seconds + units[unit] - 1) / units[unit] : seconds / units[unit];
		return message.apply(keys[unit], new Object[] { amount });
	}
}
