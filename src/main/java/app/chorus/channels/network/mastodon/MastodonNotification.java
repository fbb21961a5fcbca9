package app.chorus.channels.network.mastodon;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A Notification (docs.joinmastodon.org/entities/Notification).
 * @param type {@code mention}, {@code quote} (Mastodon 4.5), {@code favourite}...
 * @param status the status that mentions or quotes the account
 */
record MastodonNotification(String id, String type, @Nullable Instant createdAt, @Nullable MastodonAccount account,
		@Nullable MastodonStatus status) {
}
