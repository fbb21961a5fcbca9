package app.chorus.publishing.web;

import java.util.List;
import java.util.UUID;

/**
 * One channel's version of the post as the composer shows it under the channel: the counters, each broken rule as a
 * sentence in the reader's language, the hashtags and mentions found, and a preview of the text as it goes out.
 * @param surface the surface's key ({@code bluesky-post})
 * @param problems sentences for broken rules (hashtag rules are in {@code hashtagProblems})
 */
public record VariantCheck(UUID channelId, String channelName, String handle, String shownName, String surface, String text,
		List<Counter> counters, List<String> problems, List<String> hashtagProblems, List<String> hashtags,
		List<String> mentions) {

	/** "212 / 300 characters"; {@code exceeded} when the text is over the limit. */
	public record Counter(String text, boolean exceeded) {
	}

	public boolean ok() {
		return problems.isEmpty() && hashtagProblems.isEmpty();
	}
}
