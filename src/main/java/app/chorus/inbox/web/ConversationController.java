package app.chorus.inbox.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.Callers;
import app.chorus.inbox.internal.ConversationTags;
import app.chorus.inbox.internal.InboxAssignment;
import app.chorus.inbox.internal.InboxListFilters;
import app.chorus.inbox.internal.InboxModeration;
import app.chorus.inbox.internal.InboxNotes;
import app.chorus.inbox.internal.InboxReplies;
import app.chorus.inbox.internal.InboxService;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One conversation and what a member does with it: reply (from a saved reply too), note, assign by hand or by a
 * strategy, set status, priority and tags, correct a sentiment, moderate. Each form goes through the inbox's own
 * service, so its checks (permission, the channel's grant, the network's rules) are the API's; a refused form comes
 * back with the reason beside it.
 */
@Controller
class ConversationController {

	private final ConversationPage page;
	private final InboxService inbox;
	private final InboxReplies replies;
	private final InboxNotes notes;
	private final InboxAssignment assignment;
	private final InboxModeration moderation;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	ConversationController(ConversationPage page, InboxService inbox, InboxReplies replies, InboxNotes notes,
			InboxAssignment assignment, InboxModeration moderation, WorkspaceContext context,
			CurrentUser currentUser, FormErrors errors) {
		this.page = page;
		this.inbox = inbox;
		this.replies = replies;
		this.notes = notes;
		this.assignment = assignment;
		this.moderation = moderation;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/inbox/conversations/{id}")
	String conversation(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID savedReply,
			Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		if (savedReply != null && membership.can(Permission.INBOX_REPLY)) {
			model.addAttribute("replyText", page.savedReply(membership, id, savedReply));
			model.addAttribute("chosenSavedReply", savedReply);
		}
		return page.show(membership, id, model);
	}

	/** The saved reply filled in for this conversation (variables replaced), for the page's script. */
	@GetMapping(path = "/inbox/conversations/{id}/saved-replies/{savedReply}", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String savedReply(@PathVariable UUID id, @PathVariable UUID savedReply) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return page.savedReply(membership, id, savedReply);
	}

	@PostMapping("/inbox/conversations/{id}/replies")
	String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable UUID inReplyToItemId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		model.addAttribute("replyText", text);
		return act(membership, id, model, redirect, response, "inbox.page.reply.sent",
				() -> replies.reply(membership, actor(), id, text, inReplyToItemId));
	}

	@PostMapping("/inbox/conversations/{id}/replies/{replyId}/retry")
	String retry(@PathVariable UUID id, @PathVariable UUID replyId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return act(membership, id, model, redirect, response, "inbox.page.reply.sent",
				() -> replies.retry(membership, actor(), id, replyId));
	}

	@PostMapping("/inbox/conversations/{id}/notes")
	String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		model.addAttribute("noteText", text);
		String shown = act(membership, id, model, redirect, response, "inbox.page.note.added",
				() -> notes.add(membership, actor(), id, text));
		// the note's text field is not the reply's: its problem is shown beside the note form
		if (model.getAttribute("errors") instanceof Map<?, ?> problems && problems.containsKey("text")) {
			@SuppressWarnings("unchecked")
			Map<String, String> byField = (Map<String, String>) problems;
			byField.put("note", byField.remove("text"));
		}
		return shown;
	}

	/**
	 * Changes what the form sends: {@code status}, {@code priority}, {@code assigneeId} (a member, {@code me} or
	 * {@code none}), {@code tags} (separated by commas; the whole list) or {@code teamId} (blank: none).
	 */
	@PostMapping("/inbox/conversations/{id}")
	String change(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String priority,
			@RequestParam(required = false) @Nullable String assigneeId,
			@RequestParam(required = false) @Nullable String tags,
			@RequestParam(required = false) @Nullable String teamId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		if (tags != null) {
			model.addAttribute("tagsText", tags);
		}
		return act(membership, id, model, redirect, response, "inbox.page.changed", () -> {
			List<String> kept = tags == null ? null
					: ConversationTags.of(Arrays.stream(tags.split(",")).map(String::strip)
						.filter(t -> !t.isEmpty()).toList(), "tags", false);
			return inbox.change(membership, actor(), id,
					new InboxService.Change(InboxListController.blankIsNull(status),
							InboxListController.blankIsNull(priority), assigneeId != null,
							assigneeId == null ? null
									: InboxListController.assignee(assigneeId, currentUser.require().id().value()), kept, teamId != null,
							teamId == null || teamId.isBlank() ? null : InboxListFilters.uuid("teamId", teamId)));
		});
	}

	@PostMapping("/inbox/conversations/{id}/assign")
	String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String strategy,
			@RequestParam(defaultValue = "") String teamId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return act(membership, id, model, redirect, response, "inbox.page.assigned", () -> {
			InboxAssignment.Strategy chosen = InboxAssignment.Strategy.fromKey(strategy)
				.orElseThrow(() -> ChorusException.invalid("strategy", "inbox.assign.strategy.unknown"));
			return assignment.assign(membership.workspaceId(), id, chosen,
					teamId.isBlank() ? null : InboxListFilters.uuid("teamId", teamId), actor());
		});
	}

	@PostMapping("/inbox/conversations/{id}/items/{itemId}/sentiment")
	String sentiment(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam(defaultValue = "") String label,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return act(membership, id, model, redirect, response, "inbox.page.sentiment.corrected", () -> {
			if (!InboxService.SENTIMENTS.contains(label)) {
				throw ChorusException.invalid("label", "inbox.sentiment.label.unknown");
			}
			if (inbox.received(membership.workspaceId(), itemId)
				.filter(r -> r.item().conversationId().equals(id)).isEmpty()) {
				throw ChorusException.notFound("item");
			}
			return inbox.correctSentiment(membership.workspaceId(), actor(), itemId, label);
		});
	}

	@PostMapping("/inbox/conversations/{id}/moderation")
	String moderate(@PathVariable UUID id, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @Nullable UUID itemId, @RequestParam(required = false) @Nullable UUID replyId,
			@RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return act(membership, id, model, redirect, response, "inbox.page.moderated",
				() -> moderation.moderate(membership, actor(), id, action, itemId, replyId, note));
	}

	@PostMapping("/inbox/conversations/{id}/moderation/{moderationId}/retry")
	String retryModeration(@PathVariable UUID id, @PathVariable UUID moderationId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		return act(membership, id, model, redirect, response, "inbox.page.moderated",
				() -> moderation.retry(membership, actor(), id, moderationId));
	}

	/**
	 * Does it and goes back to the conversation saying so; a refusal the member can act on (a field, a conflict, the
	 * network) shows the conversation again with the reason, with the status the API would answer. Not found and
	 * forbidden become the error page.
	 */
	private String act(Membership membership, UUID id, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String notice, Supplier<?> action) {
		try {
			action.get();
		}
		catch (ChorusException e) {
			if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.status().value());
			errors.add(model, e);
			return page.show(membership, id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/inbox/conversations/" + id;
	}

	private AuditActor actor() {
		return Callers.actor(currentUser);
	}
}
