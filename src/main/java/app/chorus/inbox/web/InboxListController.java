package app.chorus.inbox.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.Callers;
import app.chorus.inbox.internal.ConversationTags;
import app.chorus.inbox.internal.InboxBulk;
import app.chorus.inbox.internal.InboxListFilters;
import app.chorus.inbox.internal.InboxListFilters.Checked;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ConversationView;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.inbox.internal.InboxService.ReceivedItem;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The inbox list: messages newest first, narrowed by the API's filters, paged with a cursor, changed in bulk; and one
 * row on its own, for the page's script to insert or refresh when the live stream says something changed.
 */
@Controller
class InboxListController {

	static final int PAGE_SIZE = 50;

	private final InboxService inbox;
	private final InboxBulk bulk;
	private final InboxNames names;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	InboxListController(InboxService inbox, InboxBulk bulk, InboxNames names, WorkspaceContext context,
			CurrentUser currentUser, FormErrors errors) {
		this.inbox = inbox;
		this.bulk = bulk;
		this.names = names;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	/** The filters as typed in the page's form; blank means "any". */
	record Filters(@Nullable String channelId, @Nullable String network, @Nullable String type,
			@Nullable String status, @Nullable String assigneeId, @Nullable String tag, @Nullable String language,
			@Nullable String sentiment, @Nullable String sla, @Nullable String q) {

		Filters {
			channelId = blankIsNull(channelId);
			network = blankIsNull(network);
			type = blankIsNull(type);
			status = blankIsNull(status);
			assigneeId = blankIsNull(assigneeId);
			tag = blankIsNull(tag);
			language = blankIsNull(language);
			sentiment = blankIsNull(sentiment);
			sla = blankIsNull(sla);
			q = blankIsNull(q);
		}

		boolean any() {
			return channelId != null || network != null || type != null || status != null || assigneeId != null
					|| tag != null || language != null || sentiment != null || sla != null || q != null;
		}

		/** The value typed for a parameter, as the page shows it back in a problem. */
		String value(String field) {
			String value = switch (field) {
				case "channelId" -> channelId;
				case "network" -> network;
				case "type" -> type;
				case "status" -> status;
				case "assigneeId" -> assigneeId;
				case "tag" -> tag;
				case "language" -> language;
				case "sentiment" -> sentiment;
				case "sla" -> sla;
				default -> q;
			};
			return value == null ? "" : value;
		}
	}

	/**
	 * The list of messages, newest first, or with {@code view=conversations} the list of conversations, most recently
	 * active first, each shown by its newest message.
	 */
	@GetMapping("/inbox")
	String list(Filters filters, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "messages") String view, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		boolean byConversation = "conversations".equals(view);
		Membership membership = context.require(Permission.CONTENT_VIEW);
		InboxNames.Directory directory = names.of(membership.workspaceId());
		List<InboxRow> rows = List.of();
		String next = null;
		try {
			UUID channel = filters.channelId() == null ? null
					: InboxListFilters.uuid("channelId", filters.channelId());
			Checked checked = InboxListFilters.check(filters.network(), filters.status(), filters.language(),
					filters.sentiment(), filters.assigneeId(), filters.sla(), filters.q(), me());
			if (byConversation) {
				if (filters.type() != null) {
					throw ChorusException.invalid("type", "inbox.list.type.messages-only");
				}
				InboxService.ConversationQuery query = new InboxService.ConversationQuery(channel, filters.network(),
						filters.status(), checked.assignee(), checked.unassigned(), InboxListFilters.tag(filters.tag()),
						filters.sla(), filters.language(), filters.sentiment(), checked.search());
				List<ConversationView> page = inbox.conversations(membership.workspaceId(), query,
						cursor == null ? null : InboxListFilters.conversationCursor(cursor), PAGE_SIZE + 1);
				List<ConversationView> shown = page.stream().limit(PAGE_SIZE).toList();
				next = page.size() > PAGE_SIZE ? InboxListFilters.conversationCursor(shown.getLast().id()) : null;
				rows = directory.conversationRows(shown, inbox.latest(membership.workspaceId(),
						shown.stream().map(ConversationView::id).toList()));
			}
			else {
				InboxService.ItemQuery query = new InboxService.ItemQuery(channel, filters.network(),
						InboxListFilters.type(filters.type()), filters.status(), null,
						InboxListFilters.tag(filters.tag()), filters.language(), filters.sentiment(), checked.assignee(),
						checked.unassigned(), filters.sla(), checked.search());
				List<ItemView> page = inbox.items(membership.workspaceId(), query,
						InboxListFilters.itemCursor(cursor), PAGE_SIZE + 1);
				List<ItemView> shown = page.stream().limit(PAGE_SIZE).toList();
				next = page.size() > PAGE_SIZE ? InboxListFilters.itemCursor(shown.getLast()) : null;
				rows = directory.rows(shown, inbox.summaries(membership.workspaceId(),
						shown.stream().map(ItemView::conversationId).toList()));
			}
		}
		catch (ChorusException e) {
			if (e.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("filterError", problem(e, filters));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("back", request.getQueryString() == null ? "/inbox" : "/inbox?" + request.getQueryString());
		model.addAttribute("next", next);
		model.addAttribute("paged", cursor != null);
		model.addAttribute("byConversation", byConversation);
		model.addAttribute("messagesHref", href(filters, false));
		model.addAttribute("conversationsHref", href(filters, true));
		model.addAttribute("filters", filters);
		model.addAttribute("filtered", filters.any());
		model.addAttribute("channels", directory.channels());
		model.addAttribute("members", directory.members());
		model.addAttribute("networks", Arrays.stream(NetworkKey.values()).map(NetworkKey::key).toList());
		model.addAttribute("types", InboxService.TYPES.stream().sorted().toList());
		model.addAttribute("statuses", List.of("new", "open", "pending", "resolved"));
		model.addAttribute("sentiments", List.of("negative", "neutral", "positive"));
		model.addAttribute("slaStates", List.of("on-track", "at-risk", "breached"));
		model.addAttribute("canTriage", membership.can(Permission.INBOX_REPLY));
		model.addAttribute("reading", ChannelReading.Summary.of(inbox.ingestion(membership.workspaceId()),
				errors::message));
		return "inbox/list";
	}

	/** The list with the same filters, of messages or of conversations (which the type filter does not apply to). */
	private static String href(Filters filters, boolean conversations) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/inbox");
		if (conversations) {
			uri.queryParam("view", "conversations");
		}
		for (String field : List.of("channelId", "network", "type", "status", "assigneeId", "tag", "language",
				"sentiment", "sla", "q")) {
			String value = filters.value(field);
			if (!value.isEmpty() && !(conversations && field.equals("type"))) {
				uri.queryParam(field, value);
			}
		}
		return uri.encode().build().toUriString();
	}

	/** A filter problem in the reader's language, naming the filter by its label and showing what was typed. */
	private String problem(ChorusException e, Filters filters) {
		if (!"error.parameter".equals(e.messageKey()) || e.field() == null) {
			return errors.message(e);
		}
		return errors.message("inbox.list.filter.invalid", errors.message("inbox.filter." + e.field()),
				filters.value(e.field()));
	}

	/** One row of the list; {@code view=conversations}: the row of the message's conversation, by its newest. */
	@GetMapping("/inbox/items/{id}/row")
	String row(@PathVariable UUID id, @RequestParam(defaultValue = "messages") String view, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		ReceivedItem received = inbox.received(membership.workspaceId(), id)
			.orElseThrow(() -> ChorusException.notFound("item"));
		InboxNames.Directory directory = names.of(membership.workspaceId());
		model.addAttribute("row", "conversations".equals(view)
				? directory.conversationRows(List.of(received.conversation()), inbox.latest(membership.workspaceId(),
						List.of(received.conversation().id()))).stream().findFirst()
					.orElseThrow(() -> ChorusException.notFound("item"))
				: directory.row(received.item(), received.conversation()));
		model.addAttribute("canTriage", membership.can(Permission.INBOX_REPLY));
		return "inbox/list :: row";
	}

	/**
	 * Changes the conversations of the ticked rows: {@code action} {@code assign} ({@code assigneeId}: a member,
	 * {@code me} or {@code none}), {@code status} or {@code tag}; then back to the list as it was filtered.
	 */
	@PostMapping("/inbox/bulk")
	String bulk(@RequestParam(name = "ids", required = false) @Nullable List<String> ids,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String assigneeId,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String tag,
			@RequestParam(defaultValue = "/inbox") String back, RedirectAttributes redirect) {
		String target = back.equals("/inbox") || back.startsWith("/inbox?") ? back : "/inbox";
		try {
			redirect.addFlashAttribute("bulkDone", change(ids, action, assigneeId, status, tag).size());
		}
		catch (ChorusException e) {
			if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("bulkError", errors.message(e));
		}
		return "redirect:" + target;
	}

	/**
	 * The same change for the page's keyboard shortcuts, which stay on the list: the outcome, or why it was refused,
	 * in the reader's language, as {@code {"message": "..."}} with the status that says which.
	 */
	@PostMapping(path = "/inbox/bulk", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> bulkFromKeyboard(
			@RequestParam(name = "ids", required = false) @Nullable List<String> ids,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String assigneeId,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String tag) {
		try {
			int changed = change(ids, action, assigneeId, status, tag).size();
			return ResponseEntity.ok(Map.of("message", errors.message("inbox.bulk.done", changed)));
		}
		catch (ChorusException e) {
			return ResponseEntity.status(e.status()).body(Map.of("message", errors.message(e)));
		}
	}

	private List<ConversationView> change(@Nullable List<String> ids, String action, String assigneeId, String status,
			String tag) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		List<UUID> conversations = (ids == null ? List.<String>of() : ids).stream()
			.map(id -> InboxListFilters.uuid("ids", id)).toList();
		return switch (action) {
			case "assign" -> bulk.change(membership, Callers.actor(currentUser), conversations,
					new InboxService.Change(null, null, true, assignee(assigneeId, me()), null));
			case "status" -> bulk.change(membership, Callers.actor(currentUser), conversations,
					new InboxService.Change(status.isBlank() ? null : status, null, false, null, null));
			case "tag" -> bulk.tag(membership, Callers.actor(currentUser), conversations,
					ConversationTags.of(tag.isBlank() ? List.of() : List.of(tag), "tags", true));
			default -> throw ChorusException.invalid("action", "inbox.bulk.action.unknown");
		};
	}

	/** A member chosen in a form: a member's id, {@code me} or {@code none} (also blank). */
	static @Nullable UUID assignee(String value, UUID me) {
		return switch (value) {
			case "", "none" -> null;
			case "me" -> me;
			default -> InboxListFilters.uuid("assigneeId", value);
		};
	}

	static @Nullable String blankIsNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private UUID me() {
		return currentUser.require().id().value();
	}
}
