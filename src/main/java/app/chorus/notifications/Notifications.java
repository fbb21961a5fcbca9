package app.chorus.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import app.chorus.notifications.internal.Notices;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Telling people things: every notice is kept in Chorus (the bell), and is also e-mailed when SMTP is configured and
 * the recipient has an address. A failed e-mail never loses the in-app notice.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final Notices notices;
	private final EmailNotifications email;
	private final MessageSource messages;
	private final Clock clock;
	private final String baseUrl;

	Notifications(Notices notices, EmailNotifications email, MessageSource messages, Clock clock,
			@Value("${chorus.base-url}") String baseUrl) {
		this.notices = notices;
		this.email = email;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** One notice as its reader sees it. */
	public record NoticeView(UUID id, String messageKey, List<String> arguments, @Nullable String link,
			Instant createdAt, @Nullable Instant readAt) {
	}

	/** Keeps the notice and e-mails it when possible. */
	public UUID notify(Notice notice) {
		UUID id = Ids.next();
		boolean emailed = false;
		if (notice.email() != null && email.enabled()) {
			Object[] arguments = notice.arguments().toArray();
			String subject = messages.getMessage(notice.messageKey() + ".subject", arguments, notice.locale());
			String body = messages.getMessage(notice.messageKey() + ".text", arguments, notice.locale());
			if (notice.link() != null) {
				body = body + "\n\n" + baseUrl + notice.link();
			}
			try {
				email.send(notice.email(), subject, body);
				emailed = true;
			}
			catch (EmailNotifications.EmailNotSentException e) {
				log.warn("Notice {} kept in Chorus only: the e-mail did not go out", notice.messageKey());
			}
		}
		notices.insert(id, notice, clock.instant(), emailed);
		return id;
	}

	/** The newest notices for the person in the workspace. */
	public List<NoticeView> recent(WorkspaceId workspace, UserId recipient, int limit) {
		return notices.recent(workspace, recipient, limit);
	}

	public int unread(WorkspaceId workspace, UserId recipient) {
		return notices.unread(workspace, recipient);
	}

	/** Marks one notice read; {@code false} when the person has no such notice here. */
	public boolean markRead(WorkspaceId workspace, UserId recipient, UUID id) {
		return notices.markRead(workspace, recipient, id, clock.instant());
	}

	public int markAllRead(WorkspaceId workspace, UserId recipient) {
		return notices.markAllRead(workspace, recipient, clock.instant());
	}
}
