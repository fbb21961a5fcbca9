/**
 * The inbox: what people say to the workspace's channels (replies, mentions, quotes, direct messages, comments), read
 * from every channel whose adapter can read its inbox, stored once, grouped into conversations, and answered through
 * the channel's adapter; moderated through it, noted on by the team, and assigned to its members. Other modules hear
 * of new items through {@link app.chorus.inbox.InboxItemsReceived}, one event for each batch stored.
 */
@ApplicationModule(displayName = "Inbox", allowedDependencies = { "shared", "identity", "workspace", "channels", "nlp",
		"notifications", "channels :: spi" })
@NullMarked
package app.chorus.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
