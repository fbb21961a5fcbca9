package app.chorus.inbox.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.live.LiveInbox;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The live inbox: a Server-Sent Events stream of what changes in the workspace's inbox, and who else is on a
 * conversation (collision warnings). The same answers are served to the web pages under {@code /inbox/...}, signed
 * in with the session instead of a token.
 */
@RestController
@Tag(name = "Inbox", description = "Replies, mentions, quotes and direct messages from every channel; conversations "
		+ "and replies")
class LiveInboxApi {

	static final Set<String> PRESENCE_STATES = Set.of("viewing", "typing", "left");

	private final LiveInbox live;
	private final InboxService inbox;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	LiveInboxApi(LiveInbox live, InboxService inbox, WorkspaceContext context, CurrentUser currentUser) {
		this.live = live;
		this.inbox = inbox;
		this.context = context;
		this.currentUser = currentUser;
	}

	record PresenceBody(@Nullable String state) {
	}

	record PresenceResource(UUID userId, String name, String state, Instant until) {
	}

	@Operation(summary = "Server-Sent Events: `ready` first, then `item` (a new message), `conversation` (status, "
			+ "priority, assignee changed), `reply` (ours sent or failed) and `presence` (someone opened, is answering "
			+ "or left a conversation), each with ids to read through the API; a comment every 20 s keeps it open")
	@GetMapping(path = { "/api/v1/inbox/stream", "/inbox/stream" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return live.open(membership.workspaceId());
	}

	@Operation(summary = "Say that you are looking at (viewing), answering (typing) or have left (left) a "
			+ "conversation; renew every 15 s while you stay. Answers with everyone else on it")
	@PostMapping(path = { "/api/v1/inbox/conversations/{id}/presence", "/inbox/conversations/{id}/presence" })
	List<PresenceResource> announce(@PathVariable UUID id, @RequestBody PresenceBody body) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		inbox.summary(membership.workspaceId(), id);
		if (body.state() == null || !PRESENCE_STATES.contains(body.state())) {
			throw ChorusException.invalid("state", "inbox.presence.state");
		}
		UserAccount me = currentUser.require();
		live.announce(membership.workspaceId(), id, me, body.state());
		return others(id, me);
	}

	@Operation(summary = "Everyone else looking at or answering the conversation now")
	@GetMapping(path = { "/api/v1/inbox/conversations/{id}/presence", "/inbox/conversations/{id}/presence" })
	List<PresenceResource> present(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		inbox.summary(membership.workspaceId(), id);
		return others(id, currentUser.require());
	}

	private List<PresenceResource> others(UUID conversation, UserAccount me) {
		return live.present(conversation, me.id().value()).stream()
			.map(p -> new PresenceResource(p.userId(), p.name(), p.state(), p.until())).toList();
	}
}
