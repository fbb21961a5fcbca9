package app.chorus.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import app.chorus.notifications.Notifications;
import app.chorus.notifications.Notifications.NoticeView;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What Chorus told the reader in the current workspace: the page behind the bell, and the same through the API. */
@Controller
@Tag(name = "Notifications", description = "What Chorus told the caller")
class NotificationsController {

	private static final int RECENT = 100;

	private final Notifications notifications;
	private final WorkspaceContext context;

	NotificationsController(Notifications notifications, WorkspaceContext context) {
		this.notifications = notifications;
		this.context = context;
	}

	@GetMapping("/notifications")
	String page(Model model) {
		Membership membership = context.require();
		model.addAttribute("notices", notifications.recent(membership.workspaceId(), membership.userId(), RECENT));
		return "web/notifications";
	}

	@PostMapping("/notifications/read")
	String readAll() {
		Membership membership = context.require();
		notifications.markAllRead(membership.workspaceId(), membership.userId());
		return "redirect:/notifications";
	}

	@Operation(summary = "The caller's newest notifications in this workspace")
	@GetMapping("/api/v1/notifications")
	@ResponseBody
	Page<NoticeView> list() {
		Membership membership = context.require();
		List<NoticeView> notices = notifications.recent(membership.workspaceId(), membership.userId(), RECENT);
		return Page.of(notices);
	}

	@Operation(summary = "Mark one notification read")
	@PostMapping("/api/v1/notifications/{id}/read")
	ResponseEntity<Void> read(@PathVariable UUID id) {
		Membership membership = context.require();
		if (!notifications.markRead(membership.workspaceId(), membership.userId(), id)) {
			throw ChorusException.notFound("notification");
		}
		return ResponseEntity.noContent().build();
	}
}
