package app.chorus.channels.spi;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Reading what people said to or about the channel (replies, mentions, quotes, messages), page by page. */
public interface InboxReading {

	/**
	 * The next page of inbox events after {@code cursor} ({@code null}: start from the newest the network keeps).
	 * Events already seen may come again; callers de-duplicate by {@link InboxEvent#remoteId()}.
	 * @throws NetworkUnavailable when the network could not be reached (the cursor stays where it was)
	 */
	InboxPage read(ChannelSession session, @Nullable String cursor);

	/**
	 * A page and the cursor to resume from; {@code cursor} is unchanged when there was nothing new, unless the adapter
	 * keeps its own bookkeeping in it (Bluesky: when it last looked at our posts' threads).
	 * @param more whether the network may hold more after {@code cursor} already, so that reading again at once is
	 * worth it (a read that stopped at its page limit); false when the read caught up with the newest
	 */
	record InboxPage(List<InboxEvent> events, @Nullable String cursor, boolean more) {
	}

	/** What kind of message it is. */
	enum Kind {
		REPLY, MENTION, QUOTE, DM, COMMENT
	}

	/**
	 * One message to the channel.
	 * @param remoteId the network's id for it, unique per channel
	 * @param subject the post of ours it answers or quotes, when there is one
	 */
	record InboxEvent(String remoteId, Kind kind, String authorId, String authorHandle,
			@Nullable String authorDisplayName, String text, String url, Instant createdAt,
			@Nullable RemotePostRef post, @Nullable RemotePostRef subject) {
	}
}
