package app.chorus.notifications;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Something a person must be told. The text is a message key with arguments: {@code <key>.text} is the line shown in
 * Chorus and the e-mail body, {@code <key>.subject} the e-mail subject.
 * @param email where to send it when SMTP is configured; {@code null} for in-app only
 * @param locale the recipient's language, for the e-mail
 * @param link a path inside Chorus where the person can act, e.g. {@code /channels/…}
 */
public record Notice(WorkspaceId workspaceId, UserId recipient, @Nullable String email, Locale locale,
		String messageKey, List<String> arguments, @Nullable String link) {

	public Notice {
		arguments = List.copyOf(arguments);
	}
}
