package app.chorus.channels.network.mastodon;

import org.jspecify.annotations.Nullable;

/** A CredentialApplication, what {@code POST /api/v1/apps} returns (docs.joinmastodon.org/entities/Application). */
record MastodonApplication(@Nullable String id, @Nullable String name, @Nullable String clientId,
		@Nullable String clientSecret) {
}
