package app.chorus.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.WorkspaceService;

/** Switching between one's workspaces, and making a new one. */
@Controller
class WorkspacesController {

	private final WorkspaceService workspaces;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	WorkspacesController(WorkspaceService workspaces, WorkspaceContext context, CurrentUser currentUser,
			FormErrors errors) {
		this.workspaces = workspaces;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@PostMapping("/workspaces/switch")
	String switchTo(@RequestParam String workspace) {
		try {
			context.switchTo(WorkspaceId.of(workspace));
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.notFound("workspace");
		}
		return "redirect:/";
	}

	@GetMapping("/workspaces/new")
	String newPage(Model model) {
		UserAccount me = currentUser.require();
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("timeZone", me.timeZone().getId());
		model.addAttribute("hasWorkspace", context.current().isPresent());
		return "workspace/new";
	}

	@PostMapping("/workspaces")
	String create(@RequestParam(defaultValue = "") String workspaceName,
			@RequestParam(defaultValue = "UTC") String timeZone, Model model) {
		UserAccount me = currentUser.require();
		try {
			Membership created = workspaces.create(workspaceName, TimeZones.parse(timeZone), me);
			context.switchTo(created.workspaceId());
			return "redirect:/";
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("workspaceName", workspaceName);
			model.addAttribute("zones", TimeZones.ALL);
			model.addAttribute("timeZone", timeZone);
			model.addAttribute("hasWorkspace", context.current().isPresent());
			return "workspace/new";
		}
	}
}
