package app.chorus.channels.network.mastodon;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Where inbox reading resumes: one position in the notifications and one in the private conversations, each the
 * {@code min_id} Mastodon's {@code Link rel="prev"} gave for the newest page read. Written as
 * {@code notifications=<id>&conversations=<id>} (either may be missing); callers treat it as opaque.
 */
record InboxCursor(@Nullable String notifications, @Nullable String conversations) {

	static final InboxCursor START = new InboxCursor(null, null);

	/** A cursor this class wrote; {@code null}, blank or unreadable text starts from the newest. */
	static InboxCursor parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return START;
		}
		String notifications = null;
		String conversations = null;
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			switch (pair.substring(0, equals)) {
				case "notifications" -> notifications = value.isEmpty() ? null : value;
				case "conversations" -> conversations = value.isEmpty() ? null : value;
				default -> {
					// a part written by a later version: kept out, the known parts still resume
				}
			}
		}
		return new InboxCursor(notifications, conversations);
	}

	InboxCursor advance(@Nullable String newerNotifications, @Nullable String newerConversations) {
		return new InboxCursor(newerNotifications != null ? newerNotifications : notifications,
				newerConversations != null ? newerConversations : conversations);
	}

	@Nullable String format() {
		StringJoiner text = new StringJoiner("&");
		if (notifications != null) {
			text.add("notifications=" + URLEncoder.encode(notifications, StandardCharsets.UTF_8));
		}
		if (conversations != null) {
			text.add("conversations=" + URLEncoder.encode(conversations, StandardCharsets.UTF_8));
		}
		return text.length() == 0 ? null : text.toString();
	}
}
