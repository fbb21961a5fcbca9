package app.chorus.inbox.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.inbox.internal.InboxRecords.ConversationRow;
import app.chorus.inbox.internal.InboxService.Change;
import app.chorus.inbox.internal.InboxService.ConversationView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;

/**
 * The same change to many conversations at once, all or nothing: every conversation is locked and changed in one
 * transaction, each change recorded on its own.
 */
@Service
public class InboxBulk {

	public static final int MAX = 200;

	private final InboxRecords records;
	private final InboxService inbox;
	private final TransactionTemplate transactions;

	InboxBulk(InboxRecords records, InboxService inbox, TransactionTemplate transactions) {
		this.records = records;
		this.inbox = inbox;
		this.transactions = transactions;
	}

	/**
	 * Applies the change to every conversation named.
	 * @throws ChorusException 422 naming {@code ids} when there are none or more than {@link #MAX}, or naming the
	 * change's field; 422 when nothing would change; 404 when any id is not a conversation of the workspace (then
	 * nothing is changed)
	 */
	public List<ConversationView> change(Membership membership, AuditActor actor, List<UUID> ids, Change change) {
		WorkspaceId workspace = membership.workspaceId();
		Set<UUID> distinct = distinct(ids);
		if (change.status() == null && change.priority() == null && !change.assigneeGiven()) {
			throw ChorusException.invalid("status", "inbox.assign.bulk.nothing-to-change");
		}
		inbox.check(workspace, change);
		return transactions.execute(s -> locked(workspace, distinct).stream()
			.map(row -> inbox.apply(workspace, actor, row, change)).toList());
	}

	/**
	 * Adds the tags to every conversation named, keeping the tags each has, all or nothing; each conversation's new
	 * tags are recorded on their own.
	 * @param tags already in their kept form ({@link ConversationTags})
	 * @throws ChorusException 422 naming {@code ids} when there are none or more than {@link #MAX}, {@code tags} when
	 * there are none or a conversation would have more than {@link ConversationTags#MAX_COUNT}; 404 when any id is not
	 * a conversation of the workspace (then nothing is changed)
	 */
	public List<ConversationView> tag(Membership membership, AuditActor actor, List<UUID> ids, List<String> tags) {
		WorkspaceId workspace = membership.workspaceId();
		Set<UUID> distinct = distinct(ids);
		if (tags.isEmpty()) {
			throw ChorusException.invalid("tags", "inbox.tag.required");
		}
		return transactions.execute(s -> locked(workspace, distinct).stream().map(row -> {
			Set<String> merged = new LinkedHashSet<>(row.tags());
			merged.addAll(tags);
			if (merged.size() > ConversationTags.MAX_COUNT) {
				throw ChorusException.invalid("tags", "inbox.tag.too-many", ConversationTags.MAX_COUNT);
			}
			return inbox.apply(workspace, actor, row,
					new Change(null, null, false, null, List.copyOf(merged)));
		}).toList());
	}

	private static Set<UUID> distinct(List<UUID> ids) {
		Set<UUID> distinct = new LinkedHashSet<>(ids);
		if (distinct.isEmpty() || distinct.size() > MAX) {
			throw ChorusException.invalid("ids", "inbox.assign.bulk.ids.range", MAX);
		}
		return distinct;
	}

	private List<ConversationRow> locked(WorkspaceId workspace, Set<UUID> ids) {
		List<ConversationRow> locked = records.lockConversations(workspace, ids);
		if (locked.size() != ids.size()) {
			throw ChorusException.notFound("conversation");
		}
		return locked;
	}
}
