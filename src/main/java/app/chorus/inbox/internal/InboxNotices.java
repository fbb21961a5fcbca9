package app.chorus.inbox.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.chorus.identity.IdentityManagement;
import app.chorus.inbox.ConversationSlaAlerted;
import app.chorus.inbox.InboxNoteAdded;
import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceManagement;

/**
 * Tells members about inbox work that is now theirs: a note that mentions them, a conversation assigned to them, a
 * service-level clock at risk or breached (in Chorus and by e-mail, with a link to the conversation). Runs after the
 * change is committed.
 */
@Component
class InboxNotices {

	private final InboxRecords records;
	private final NoteRecords notes;
	private final IdentityManagement identity;
	private final Notifications notifications;

	private final WorkspaceManagement workspaces;

	InboxNotices(InboxRecords records, NoteRecords notes, IdentityManagement identity, Notifications notifications,
			WorkspaceManagement workspaces) {
		this.workspaces = workspaces;
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

	/**
	 * A clock turned at risk: the assignee is told, or the workspace's managers when nobody has the conversation. A
	 * breach is told to both.
	 */
	@ApplicationModuleListener
	void on(ConversationSlaAlerted event) {
		records.conversation(event.workspaceId(), event.conversationId()).ifPresent(c -> {
			Set<UserId> told = new LinkedHashSet<>();
			if (c.assignee() != null) {
				told.add(c.assignee());
			}
			if (c.assignee() == null || event.level().equals("breached")) {
				workspaces.members(event.workspaceId()).stream()
					.filter(m -> m.role() == Role.OWNER || m.role() == Role.ADMIN || m.role() == Role.MANAGER)
					.forEach(m -> told.add(m.userId()));
			}
			String key = "inbox.sla.notice." + event.level() + "." + event.clock();
			for (UserId member : told) {
				tell(event.workspaceId(), member, key, List.of(networkName(c.network())), c.id());
			}
		});
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
