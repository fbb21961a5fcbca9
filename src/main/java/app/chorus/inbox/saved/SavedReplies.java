package app.chorus.inbox.saved;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.identity.IdentityManagement;
import app.chorus.inbox.SavedReplyChanged;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ConversationDetail;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.inbox.saved.SavedReplyRecords.SavedReplyRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;

/** Saving, listing and filling in saved replies. */
@Service
public class SavedReplies {

	static final int MAX_NAME = 100;
	static final int MAX_TEXT = 5_000;
	static final int MAX_SHORTCUT = 30;
	private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]+");

	private final SavedReplyRecords records;
	private final InboxService inbox;
	private final ChannelManagement channels;
	private final IdentityManagement identity;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SavedReplies(SavedReplyRecords records, InboxService inbox, ChannelManagement channels,
			IdentityManagement identity, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.records = records;
		this.inbox = inbox;
		this.channels = channels;
		this.identity = identity;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	public record SavedReplyView(UUID id, String name, String text, @Nullable String shortcut, UUID createdBy,
			Instant createdAt, UUID updatedBy, Instant updatedAt) {
	}

	/** What a member writes; every field is checked. */
	public record Draft(@Nullable String name, @Nullable String text, @Nullable String shortcut) {
	}

	public List<SavedReplyView> all(WorkspaceId workspace) {
		return records.all(workspace).stream().map(SavedReplies::view).toList();
	}

	/** @throws ChorusException 404 when the workspace has no such saved reply */
	public SavedReplyView find(WorkspaceId workspace, UUID id) {
		return records.find(workspace, id).map(SavedReplies::view)
			.orElseThrow(() -> ChorusException.notFound("saved reply"));
	}

	public boolean exists(WorkspaceId workspace, UUID id) {
		return records.find(workspace, id).isPresent();
	}

	/** @throws ChorusException 422 naming each field that is missing, too long, taken or holds unknown variables */
	public SavedReplyView create(Membership membership, AuditActor actor, Draft draft) {
		WorkspaceId workspace = membership.workspaceId();
		return transactions.execute(s -> {
			Draft checked = check(workspace, draft, null);
			Instant now = clock.instant();
			UUID id = Ids.next();
			records.insert(new SavedReplyRow(id, workspace, checked.name(), checked.text(), checked.shortcut(),
					membership.userId(), now, membership.userId(), now));
			events.publishEvent(new SavedReplyChanged(workspace, actor, id, checked.name(), "created",
					RequestOrigin.current()));
			return find(workspace, id);
		});
	}

	/** Replaces the name, text and shortcut. */
	public SavedReplyView update(Membership membership, AuditActor actor, UUID id, Draft draft) {
		WorkspaceId workspace = membership.workspaceId();
		return transactions.execute(s -> {
			find(workspace, id);
			Draft checked = check(workspace, draft, id);
			records.update(workspace, id, checked.name(), checked.text(), checked.shortcut(), membership.userId(),
					clock.instant());
			events.publishEvent(new SavedReplyChanged(workspace, actor, id, checked.name(), "updated",
					RequestOrigin.current()));
			return find(workspace, id);
		});
	}

	/** @throws ChorusException 409 while an automation rule replies with it */
	public void delete(Membership membership, AuditActor actor, UUID id) {
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			SavedReplyView existing = find(workspace, id);
			List<String> rules = records.rulesUsing(workspace, id);
			if (!rules.isEmpty()) {
				throw ChorusException.conflict(null, "inbox.saved-reply.in-use", String.join(", ", rules));
			}
			records.delete(workspace, id);
			events.publishEvent(new SavedReplyChanged(workspace, actor, id, existing.name(), "deleted",
					RequestOrigin.current()));
		});
	}

	/**
	 * The saved reply filled in for the conversation: the other person is the author of its newest message from
	 * someone other than the channel's account, and the agent is the member.
	 */
	public String preview(Membership membership, UUID conversationId, UUID savedReplyId) {
		WorkspaceId workspace = membership.workspaceId();
		ConversationDetail detail = inbox.conversation(workspace, conversationId);
		SavedReplyView saved = find(workspace, savedReplyId);
		Optional<ChannelView> channel = channels.find(workspace, new ChannelId(detail.conversation().channelId()));
		String own = channel.map(ChannelView::accountId).orElse("");
		ItemView other = null;
		for (ItemView item : detail.items()) {
			if (!item.author().id().equals(own)) {
				other = item;
			}
		}
		return ReplyTemplate.render(saved.text(), values(other, channel.orElse(null), membership.userId()));
	}

	/**
	 * The saved reply filled in as an answer to {@code item} on {@code channel} by {@code agent}; empty when the
	 * workspace no longer has it.
	 */
	public Optional<String> render(WorkspaceId workspace, UUID savedReplyId, ItemView item, ChannelView channel,
			UserId agent) {
		return records.find(workspace, savedReplyId)
			.map(saved -> ReplyTemplate.render(saved.text(), values(item, channel, agent)));
	}

	private ReplyTemplate.Values values(@Nullable ItemView other, @Nullable ChannelView channel, UserId agent) {
		String agentName = identity.find(agent)
			.map(account -> account.displayName().isBlank() ? account.email() : account.displayName()).orElse("");
		String channelName = channel == null ? ""
				: channel.displayName() != null && !channel.displayName().isBlank() ? channel.displayName()
						: channel.name();
		return new ReplyTemplate.Values(other == null ? null : other.author().displayName(),
				other == null ? "" : other.author().handle(), channelName, agentName);
	}

	private Draft check(WorkspaceId workspace, Draft draft, @Nullable UUID except) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "inbox.saved-reply.name.required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "inbox.saved-reply.name.too-long", MAX_NAME));
		}
		else if (records.nameTaken(workspace, name, except)) {
			problems.add(new FieldProblem("name", "inbox.saved-reply.name.taken", name));
		}
		String text = draft.text() == null ? "" : draft.text().strip();
		if (text.isEmpty()) {
			problems.add(new FieldProblem("text", "inbox.saved-reply.text.required"));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(new FieldProblem("text", "inbox.saved-reply.text.too-long", MAX_TEXT));
		}
		else {
			for (String unknown : ReplyTemplate.unknown(text)) {
				problems.add(new FieldProblem("text", "inbox.saved-reply.variable.unknown", "{" + unknown + "}",
						String.join(", ", ReplyTemplate.VARIABLES.stream().map(v -> "{" + v + "}").toList())));
			}
		}
		String shortcut = draft.shortcut() == null || draft.shortcut().isBlank() ? null
				: draft.shortcut().strip().toLowerCase(Locale.ROOT);
		if (shortcut != null) {
			if (shortcut.length() > MAX_SHORTCUT || !SHORTCUT.matcher(shortcut).matches()) {
				problems.add(new FieldProblem("shortcut", "inbox.saved-reply.shortcut.invalid", MAX_SHORTCUT));
			}
			else if (records.shortcutTaken(workspace, shortcut, except)) {
				problems.add(new FieldProblem("shortcut", "inbox.saved-reply.shortcut.taken", shortcut));
			}
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		return new Draft(name, text, shortcut);
	}

	private static SavedReplyView view(SavedReplyRow row) {
		return new SavedReplyView(row.id(), row.name(), row.text(), row.shortcut(), row.createdBy().value(),
				row.createdAt(), row.updatedBy().value(), row.updatedAt());
	}
}
