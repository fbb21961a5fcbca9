package app.chorus.channels.spi;

import org.jspecify.annotations.Nullable;

/**
 * A post at a network, as that network names it.
 * @param id the network's id (an {@code at://} URI on Bluesky, a status id on Mastodon)
 * @param contentHash a content hash when the network needs one to reference a post (Bluesky's CID)
 * @param rootId for replies in a thread, the thread's first post
 * @param rootContentHash the first post's content hash
 */
public record RemotePostRef(String id, @Nullable String contentHash, @Nullable String rootId,
		@Nullable String rootContentHash) {

	public static RemotePostRef of(String id) {
		return new RemotePostRef(id, null, null, null);
	}
}
