package app.chorus.channels.network.mastodon;

import org.jspecify.annotations.Nullable;

/** The Error entity (docs.joinmastodon.org/entities/Error): {@code error}, and for OAuth {@code error_description}. */
record MastodonError(@Nullable String error, @Nullable String errorDescription) {
}
