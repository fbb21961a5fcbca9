package app.chorus.channels.spi;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One network's version of a post, as an adapter publishes it.
 * @param surface where it goes (feed, Reels, Stories...)
 * @param text the text exactly as it is to appear
 * @param media images or videos, in order
 * @param replyTo the post this answers, for replies and threads
 * @param quoteOf the post this quotes
 * @param link a link to show as a card, when the network makes cards from links
 * @param language BCP 47 tag of the text, when known
 * @param options network-specific choices (Mastodon {@code visibility}, {@code spoilerText}, poll options)
 */
public record PostVariant(Surface surface, String text, List<MediaItem> media, @Nullable RemotePostRef replyTo,
		@Nullable RemotePostRef quoteOf, @Nullable String link, @Nullable String language,
		Map<String, String> options) {

	public PostVariant {
		media = List.copyOf(media);
		options = Map.copyOf(options);
	}

	public static PostVariant text(Surface surface, String text) {
		return new PostVariant(surface, text, List.of(), null, null, null, null, Map.of());
	}
}
