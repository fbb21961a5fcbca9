package app.chorus.channels.network.mastodon;

import org.jspecify.annotations.Nullable;

/** A Token from {@code POST /oauth/token} (docs.joinmastodon.org/entities/Token); Mastodon tokens do not expire. */
record MastodonToken(@Nullable String accessToken, @Nullable String tokenType, @Nullable String scope,
		long createdAt) {
}
