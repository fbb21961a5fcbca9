package app.chorus.channels.network.mastodon;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A Status as the API returns it (docs.joinmastodon.org/entities/Status), the fields Chorus reads.
 * @param content the text as sanitised HTML
 * @param visibility {@code public}, {@code unlisted}, {@code private} or {@code direct}
 * @param quotesCount accepted quotes, on servers with quote posts (Mastodon 4.5); absent before
 * @param quote the status this one quotes, on servers with quote posts
 */
record MastodonStatus(String id, @Nullable Instant createdAt, @Nullable String inReplyToId,
		@Nullable String inReplyToAccountId, @Nullable String visibility, @Nullable String spoilerText,
		@Nullable String uri, @Nullable String url, @Nullable String content, @Nullable MastodonAccount account,
		long repliesCount, long reblogsCount, long favouritesCount, @Nullable Long quotesCount,
		@Nullable Quote quote) {

	/** Where people see it: the web page, else the ActivityPub id. */
	String link() {
		if (url != null && !url.isBlank()) {
			return url;
		}
		return uri == null ? "" : uri;
	}

	/**
	 * A Quote (with the quoted status) or a ShallowQuote (with its id only), docs.joinmastodon.org/entities/Quote.
	 * @param state {@code accepted}, {@code pending}, {@code revoked}...
	 */
	record Quote(@Nullable String state, @Nullable MastodonStatus quotedStatus, @Nullable String quotedStatusId) {

		@Nullable String quotedId() {
			return quotedStatus != null ? quotedStatus.id() : quotedStatusId;
		}
	}
}
