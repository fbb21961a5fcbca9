package app.chorus.inbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.Callers;
import app.chorus.inbox.api.InboxApi.ConversationResource;
import app.chorus.inbox.internal.InboxAssignment;
import app.chorus.inbox.internal.InboxAssignment.AgentView;
import app.chorus.inbox.internal.InboxAssignment.Strategy;
import app.chorus.inbox.internal.InboxBulk;
import app.chorus.inbox.internal.InboxService;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Assigning conversations by a strategy, changing many at once, and who is available to take them. */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox assignment", description = "Round-robin and least-loaded assignment, bulk changes, and members' "
		+ "availability")
class AssignmentApi {

	private final InboxAssignment assignment;
	private final InboxBulk bulk;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	AssignmentApi(InboxAssignment assignment, InboxBulk bulk, WorkspaceContext context, CurrentUser currentUser) {
		this.assignment = assignment;
		this.bulk = bulk;
		this.context = context;
		this.currentUser = currentUser;
	}

	record AssignBody(@Nullable String strategy, @Nullable UUID teamId) {
	}

	@Operation(summary = "Assign the conversation: strategy round-robin (teamId required: the next available member of "
			+ "the team in turn) or least-loaded (teamId optional: the available member with the fewest open "
			+ "conversations); 409 when nobody is available")
	@PostMapping("/conversations/{id}/assign")
	ConversationResource assign(@PathVariable UUID id, @RequestBody AssignBody body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		Strategy strategy = Strategy.fromKey(body.strategy())
			.orElseThrow(() -> ChorusException.invalid("strategy", "inbox.assign.strategy.unknown"));
		return InboxApi.resource(assignment.assign(membership.workspaceId(), id, strategy, body.teamId(), Callers.actor(currentUser)));
	}

	@Operation(summary = "Apply the same status, priority or assignee (null: nobody) to up to 200 conversations, all "
			+ "or nothing; 404 when any id is not a conversation of the workspace")
	@PostMapping("/conversations/bulk")
	Page<ConversationResource> bulk(@RequestBody Map<String, Object> body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		InboxService.Change change = new InboxService.Change(InboxApi.string(body, "status"),
				InboxApi.string(body, "priority"), body.containsKey("assigneeId"), InboxApi.uuid(body, "assigneeId"), null);
		return Page.of(bulk.change(membership, Callers.actor(currentUser), ids(body.get("ids")), change).stream()
			.map(InboxApi::resource).toList());
	}

	@Operation(summary = "Members who may answer the inbox: available or not, their capacity (null: no limit), open "
			+ "conversations (new, open, pending) and when they were last assigned one")
	@GetMapping("/agents")
	Page<AgentView> agents() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(assignment.agents(membership.workspaceId()));
	}

	@Operation(summary = "Say whether you take conversations now (available) and how many open ones at most "
			+ "(capacity; null: no limit); a field left out stays as it is")
	@PutMapping("/agents/me")
	AgentView me(@RequestBody Map<String, Object> body) {
		Membership membership = context.require(Permission.INBOX_REPLY);
		Object available = body.get("available");
		if (available != null && !(available instanceof Boolean)) {
			throw ChorusException.invalid("available", "error.parameter", "available");
		}
		Object capacity = body.get("capacity");
		if (capacity != null && !(capacity instanceof Integer)) {
			throw ChorusException.invalid("capacity", "error.parameter", "capacity");
		}
		return assignment.update(membership, (Boolean) available, body.containsKey("capacity"), (Integer) capacity);
	}

	private static List<UUID> ids(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			throw ChorusException.invalid("ids", "error.parameter", "ids");
		}
		List<UUID> ids = new ArrayList<>();
		for (Object id : list) {
			try {
				ids.add(UUID.fromString(String.valueOf(id)));
			}
			catch (IllegalArgumentException e) {
				throw ChorusException.invalid("ids", "error.parameter", "ids");
			}
		}
		return ids;
	}
}
