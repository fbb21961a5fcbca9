package app.chorus.inbox.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.inbox.InboxNoteAdded;
import app.chorus.inbox.internal.InboxService.NoteView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceManagement;
import app.chorus.workspace.WorkspaceManagement.MemberSummary;

/**
 * Internal notes on conversations: kept in Chorus, never sent to the network, and not edited or deleted afterwards
 * (a correction is a new note). Members a note mentions ({@link NoteMentions}) are told, each once, never the author.
 */
@Service
public class InboxNotes {

	static final int MAX_TEXT = 10_000;

	private final NoteRecords notes;
	private final InboxService inbox;
	private final WorkspaceManagement workspaces;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboxNotes(NoteRecords notes, InboxService inbox, WorkspaceManagement workspaces,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.notes = notes;
		this.inbox = inbox;
		this.workspaces = workspaces;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds a note by the member to the conversation.
	 * @throws ChorusException 404 for a conversation the workspace does not have; 422 naming {@code text} when it is
	 * empty, too long, or mentions a local part two members share
	 */
	public NoteView add(Membership membership, AuditActor actor, UUID conversationId, @Nullable String text) {
		WorkspaceId workspace = membership.workspaceId();
		inbox.find(workspace, conversationId);
		if (text == null || text.isBlank()) {
			throw ChorusException.invalid("text", "inbox.note.text.required");
		}
		if (text.length() > MAX_TEXT) {
			throw ChorusException.invalid("text", "inbox.note.text.too-long", MAX_TEXT);
		}
		List<UserId> mentioned = mentioned(workspace, text).stream()
			.filter(member -> !member.equals(membership.userId())).toList();
		UUID id = Ids.next();
		transactions.executeWithoutResult(s -> {
			inbox.find(workspace, conversationId);
			notes.insert(workspace, id, conversationId, membership.userId(), text, mentioned, clock.instant());
			events.publishEvent(new InboxNoteAdded(workspace, actor, id, conversationId, membership.userId(),
					mentioned, RequestOrigin.current()));
		});
		return note(workspace, conversationId, id);
	}

	/** The conversation's notes, oldest first. */
	public List<NoteView> notes(WorkspaceId workspace, UUID conversationId) {
		inbox.find(workspace, conversationId);
		return notes.of(workspace, conversationId);
	}

	public NoteView note(WorkspaceId workspace, UUID conversationId, UUID noteId) {
		return notes(workspace, conversationId).stream().filter(n -> n.id().equals(noteId)).findFirst()
			.orElseThrow(() -> ChorusException.notFound("note"));
	}

	/** The members the text mentions, in the order first mentioned. */
	private List<UserId> mentioned(WorkspaceId workspace, String text) {
		List<MemberSummary> members = workspaces.members(workspace);
		List<UserId> mentioned = new ArrayList<>();
		for (String handle : NoteMentions.handles(text)) {
			List<MemberSummary> matches = members.stream()
				.filter(m -> handle.contains("@") ? m.email().toLowerCase(Locale.ROOT).equals(handle)
						: NoteMentions.localPart(m.email()).equals(handle))
				.toList();
			if (matches.size() > 1) {
				throw ChorusException.invalid("text", "inbox.note.mention.ambiguous", "@" + handle);
			}
			matches.stream().map(MemberSummary::userId).filter(id -> !mentioned.contains(id))
				.forEach(mentioned::add);
		}
		return mentioned;
	}
}
