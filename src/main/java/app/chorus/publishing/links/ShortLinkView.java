package app.chorus.publishing.links;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;

/**
 * A short link with its click totals, for the links page and API.
 * @param campaign the campaign name as a person wrote it (for links made for posts, the UTM campaign), or
 * {@code null}
 * @param network the network key of the post it is in ({@code bluesky}), or {@code null} when made for no network
 * @param createdBy who made it by hand; {@code null} when publishing made it for a post
 * @param clicks clicks by people (everything not counted as a bot)
 * @param botClicks visits by crawlers, link previews and the like
 */
public record ShortLinkView(ShortLinkId id, String code, String shortUrl, String targetUrl, String taggedUrl, Utm utm,
		@Nullable String campaign, @Nullable String network, @Nullable UUID postId, @Nullable UUID variantId,
		Instant createdAt, @Nullable UserId createdBy, long clicks, long botClicks) {
}
