package app.chorus.inbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.chorus.identity.IdentityManagement;
import app.chorus.inbox.InboxNoteAdded;
import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Tells members about inbox work that is now theirs: a note that mentions them, a conversation assigned to them (in
 * Chorus and by e-mail, with a link to the conversation). Runs after the change is committed.
 */
@Component
class InboxNotices {

	private final InboxRecords records;
	private final NoteRecords notes;
	private final IdentityManagement identity;
	private final Notifications notifications;

	InboxNotices(InboxRecords records, NoteRecords notes, IdentityManagement identity, Notifications notifications) {
		this.records = records;
		this.notes = notes;
		this.identity = identity;
		this.notifications = notifications;
	}

	/** Where a conversation is opened in Chorus. */
	static String link(UUID conversation) {
		return "/inbox/conversations/" + conversation;
	}

	@ApplicationModuleListener
	void on(InboxNoteAdded event) {
		if (event.mentioned().isEmpty()) {
			return;
		}
		String author = identity.find(event.author()).map(a -> a.displayName()).orElse("");
		String excerpt = notes.of(event.workspaceId(), event.conversationId()).stream()
			.filter(n -> n.id().equals(event.noteId())).findFirst().map(n -> excerpt(n.text())).orElse("");
		for (UserId member : event.mentioned()) {
			tell(event.workspaceId(), member, "inbox.note.notice.mentioned", List.of(author, excerpt),
					event.conversationId());
		}
	}

	@ApplicationModuleListener
	void on(AssigneeChanged event) {
		if (event.assignee().equals(event.assignedBy())) {
			return;
		}
		records.conversation(event.workspaceId(), event.conversationId())
			.filter(c -> event.assignee().equals(c.assignee()))
			.ifPresent(c -> tell(event.workspaceId(), event.assignee(), "inbox.assign.notice.assigned",
					List.of(networkName(c.network())), c.id()));
	}

	private void tell(WorkspaceId workspace, UserId recipient, String key, List<String> arguments,
			UUID conversation) {
		identity.find(recipient).ifPresent(account -> notifications.notify(new Notice(workspace, recipient,
				account.email(), account.locale(), key, arguments, link(conversation))));
	}

	private static String networkName(String key) {
		return key.isEmpty() ? key : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
	}

	private static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() > 80 ? line.substring(0, 79) + "…" : line;
	}
}
