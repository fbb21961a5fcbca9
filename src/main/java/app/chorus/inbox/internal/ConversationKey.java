package app.chorus.inbox.internal;

import java.util.Locale;

import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.RemotePostRef;

/**
 * Which conversation a message belongs to, named by its kind and the network's reference of its root.
 * <ul>
 * <li>A reply, quote or comment that answers one of our posts joins the thread under that post: keyed by the thread's
 * root when the network names one (Bluesky), else by our post it answers (Mastodon, which names only the parent).</li>
 * <li>A mention joins the thread it was written in (keyed by that thread's root), or starts its own.</li>
 * <li>A direct message joins the conversation with its author.</li>
 * </ul>
 * A reply that answers nothing of ours (the network named no subject) is treated as a mention.
 */
record ConversationKey(String kind, String rootRef) {

	static final String THREAD = "thread";
	static final String MENTION = "mention";
	static final String DM = "dm";

	static ConversationKey of(InboxEvent event) {
		RemotePostRef post = event.post();
		RemotePostRef subject = event.subject();
		return switch (event.kind()) {
			case DM -> new ConversationKey(DM, event.authorId());
			case REPLY, QUOTE, COMMENT -> {
				if (subject == null) {
					yield mention(event);
				}
				if (event.kind() != app.chorus.channels.spi.InboxReading.Kind.QUOTE && post != null
						&& post.rootId() != null) {
					yield new ConversationKey(THREAD, post.rootId());
				}
				yield new ConversationKey(THREAD, subject.rootId() != null ? subject.rootId() : subject.id());
			}
			case MENTION -> mention(event);
		};
	}

	private static ConversationKey mention(InboxEvent event) {
		RemotePostRef post = event.post();
		if (post != null && post.rootId() != null) {
			return new ConversationKey(MENTION, post.rootId());
		}
		return new ConversationKey(MENTION, post != null ? post.id() : event.remoteId());
	}

	/** The item type as the API and the table name it. */
	static String type(InboxEvent event) {
		return event.kind().name().toLowerCase(Locale.ROOT);
	}
}
