package app.chorus.inbox.rules;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What automation rules look at in a newly received inbox item.
 * @param network the network's key ({@code bluesky})
 * @param type the item's type ({@code reply}, {@code mention}, {@code quote}, {@code dm}, {@code comment})
 * @param language ISO 639-1, or {@code und}/null when unknown
 * @param sentiment {@code negative}, {@code neutral} or {@code positive}, null when not classified
 * @param authorHandle the author's handle, without a leading {@code @}
 */
public record RuleSubject(UUID channelId, String network, String type, String text, @Nullable String language,
		@Nullable String sentiment, String authorHandle) {
}
