package app.chorus.inbox.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import app.chorus.channels.spi.Moderating;
import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.ConversationTags;
import app.chorus.inbox.internal.InboxAssignment;
import app.chorus.inbox.internal.InboxModeration;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ConversationDetail;
import app.chorus.inbox.internal.InboxService.ModerationView;
import app.chorus.inbox.live.LiveInbox;
import app.chorus.inbox.saved.SavedReplies;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceManagement;

/**
 * What the conversation page shows, read through the inbox's services: the conversation and its clocks, every message
 * with the moderation it offers and was given, our replies, the notes, who else is on it, and the forms the reader
 * may use.
 */
@Component
class ConversationPage {

	private final InboxService inbox;
	private final InboxModeration moderation;
	private final SavedReplies savedReplies;
	private final LiveInbox live;
	private final InboxNames names;
	private final WorkspaceManagement workspaces;
	private final CurrentUser currentUser;

	ConversationPage(InboxService inbox, InboxModeration moderation, SavedReplies savedReplies, LiveInbox live,
			InboxNames names, WorkspaceManagement workspaces, CurrentUser currentUser) {
		this.inbox = inbox;
		this.moderation = moderation;
		this.savedReplies = savedReplies;
		this.live = live;
		this.names = names;
		this.workspaces = workspaces;
		this.currentUser = currentUser;
	}

	/** A message with the moderation actions it offers the reader and those taken on it. */
	public record Message(InboxService.ItemView item, List<String> actions, List<ModerationView> taken) {
	}

	/**
	 * Fills the model for the conversation; form values already in the model (after a refused form) are kept.
	 * @throws app.chorus.shared.web.ChorusException 404 when the workspace has no such conversation
	 */
	String show(Membership membership, UUID id, Model model) {
		ConversationDetail detail = inbox.conversation(membership.workspaceId(), id);
		InboxModeration.Options options = moderation.options(membership, id);
		InboxNames.Directory directory = names.of(membership.workspaceId());
		Map<UUID, List<String>> actions = new HashMap<>();
		options.items().forEach(i -> actions.put(i.itemId(), i.actions()));
		List<Message> messages = detail.items().stream()
			.map(item -> new Message(item, actions.getOrDefault(item.id(), List.of()),
					detail.moderation().stream().filter(m -> m.takenOn(item.id())).toList()))
			.toList();
		List<String> missing = new ArrayList<>();
		for (Moderating.Action action : Moderating.Action.values()) {
			String key = action.name().toLowerCase(Locale.ROOT);
			if (!options.offered().contains(key)) {
				missing.add(key);
			}
		}
		boolean canTriage = membership.can(Permission.INBOX_REPLY);
		model.addAttribute("conversation", detail.conversation());
		model.addAttribute("channelName", directory.channel(detail.conversation().channelId()));
		model.addAttribute("assigneeName", directory.member(detail.conversation().assigneeId()));
		model.addAttribute("names", directory.memberNames());
		model.addAttribute("members", directory.members());
		model.addAttribute("teams", workspaces.teams(membership.workspaceId()));
		model.addAttribute("teamName", detail.conversation().teamId() == null ? null
				: workspaces.teamName(membership.workspaceId(), detail.conversation().teamId()).orElse(null));
		model.addAttribute("messages", messages);
		model.addAttribute("replies", detail.replies());
		// what was taken on our replies (deleting them) is shown with each reply
		model.addAttribute("replyTaken", detail.moderation().stream().filter(m -> m.replyId() != null)
			.collect(java.util.stream.Collectors.groupingBy(ModerationView::replyId)));
		model.addAttribute("notes", detail.notes());
		model.addAttribute("offered", options.offered());
		model.addAttribute("notOffered", missing);
		model.addAttribute("canModerate", canTriage && options.allowed());
		model.addAttribute("canDeleteReplies", canTriage && options.allowed() && options.repliesDeletable());
		model.addAttribute("canTriage", canTriage);
		model.addAttribute("canReply", canTriage && options.allowed());
		model.addAttribute("savedReplies", savedReplies.all(membership.workspaceId()));
		model.addAttribute("present", live.present(id, currentUser.require().id().value()));
		model.addAttribute("statuses", List.of("new", "open", "pending", "resolved"));
		model.addAttribute("priorities", List.of("low", "normal", "high", "urgent"));
		model.addAttribute("sentiments", List.of("negative", "neutral", "positive"));
		model.addAttribute("strategies", Arrays.stream(InboxAssignment.Strategy.values())
			.map(InboxAssignment.Strategy::key).toList());
		model.addAttribute("maxTags", ConversationTags.MAX_COUNT);
		if (!model.containsAttribute("tagsText")) {
			model.addAttribute("tagsText", String.join(", ", detail.conversation().tags()));
		}
		if (!model.containsAttribute("replyText")) {
			model.addAttribute("replyText", "");
		}
		if (!model.containsAttribute("noteText")) {
			model.addAttribute("noteText", "");
		}
		return "inbox/conversation";
	}

	/** The saved reply filled in for the conversation, for the reply form. */
	String savedReply(Membership membership, UUID conversation, UUID savedReply) {
		return savedReplies.preview(membership, conversation, savedReply);
	}
}
