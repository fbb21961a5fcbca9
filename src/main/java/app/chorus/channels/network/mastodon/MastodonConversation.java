package app.chorus.channels.network.mastodon;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A Conversation of private mentions (docs.joinmastodon.org/entities/Conversation). */
record MastodonConversation(String id, boolean unread, @Nullable List<MastodonAccount> accounts,
		@Nullable MastodonStatus lastStatus) {
}
