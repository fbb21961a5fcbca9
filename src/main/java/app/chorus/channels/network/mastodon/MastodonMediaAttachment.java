package app.chorus.channels.network.mastodon;

import org.jspecify.annotations.Nullable;

/**
 * A MediaAttachment (docs.joinmastodon.org/entities/MediaAttachment).
 * @param url {@code null} while the server is still processing the file
 */
record MastodonMediaAttachment(String id, @Nullable String type, @Nullable String url, @Nullable String previewUrl,
		@Nullable String description) {
}
