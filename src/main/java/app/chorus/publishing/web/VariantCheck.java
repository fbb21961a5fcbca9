package app.chorus.publishing.web;

import java.util.List;
import java.util.UUID;

import app.chorus.media.MediaView;

/**
 * One channel's version of the post as the composer shows it under the channel: the counters, each broken rule as a
 * sentence in the reader's language, the hashtags and mentions found, and a preview of the text as it goes out with
 * its media and the thread's further parts.
 * @param surface the surface's key ({@code bluesky-post})
 * @param problems sentences for broken rules (hashtag rules are in {@code hashtagProblems})
 * @param media the picked media, in order, as the preview shows them
 * @param thread the further parts that follow the post, in order (the first comment last)
 */
public record VariantCheck(UUID channelId, String channelName, String handle, String shownName, String surface, String text,
		List<Counter> counters, List<String> problems, List<String> hashtagProblems, List<String> hashtags,
		List<String> mentions, List<MediaView> media, List<String> thread) {

	/** "212 / 300 characters"; {@code exceeded} when the text is over the limit. */
	public record Counter(String text, boolean exceeded) {
	}

	public boolean ok() {
		return problems.isEmpty() && hashtagProblems.isEmpty();
	}
}
