package app.chorus.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.WorkspaceService;

/** Workspace settings: name, time zone, and whether every member must use two-factor sign-in. */
@Controller
class SettingsController {

	private final WorkspaceService workspaces;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	SettingsController(WorkspaceService workspaces, WorkspaceContext context, CurrentUser currentUser,
			FormErrors errors) {
		this.workspaces = workspaces;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/settings")
	String page(Model model) {
		Membership membership = context.require(Permission.WORKSPACE_SETTINGS);
		model.addAttribute("workspace",
				workspaces.find(membership.workspaceId()).orElseThrow(() -> ChorusException.notFound("workspace")));
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("roles", Role.values());
		model.addAttribute("permissions", Permission.values());
		model.addAttribute("me", currentUser.require());
		return "workspace/settings";
	}

	@PostMapping("/settings")
	String save(@RequestParam(defaultValue = "") String workspaceName, @RequestParam(defaultValue = "UTC") String timeZone,
			@RequestParam(defaultValue = "false") boolean requireTwoFactor, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.WORKSPACE_SETTINGS);
		try {
			if (requireTwoFactor && !currentUser.require().twoFactorEnabled()) {
				// Turning it on without one's own second factor would lock oneself out.
				throw ChorusException.invalid("requireTwoFactor", "workspace.two-factor.enable-yours-first");
			}
			workspaces.updateSettings(membership.workspaceId(), workspaceName, TimeZones.parse(timeZone),
					requireTwoFactor, Actors.of(currentUser.require()));
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "settings.saved");
		return "redirect:/settings";
	}
}
