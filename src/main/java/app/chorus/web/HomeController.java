package app.chorus.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/** The home page: where the person stands in the current workspace, and what to do next. */
@Controller
class HomeController {

	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final MasterKey masterKey;

	HomeController(WorkspaceContext context, CurrentUser currentUser, MasterKey masterKey) {
		this.context = context;
		this.currentUser = currentUser;
		this.masterKey = masterKey;
	}

	@GetMapping("/")
	String home(Model model) {
		Membership membership = context.current().orElse(null);
		if (membership == null) {
			return "redirect:/workspaces/new";
		}
		model.addAttribute("membership", membership);
		model.addAttribute("me", currentUser.require());
		// A key generated on this start has not been backed up yet; those who run the workspace are asked to.
		if (masterKey.generatedOnThisStart() && membership.can(Permission.WORKSPACE_SETTINGS)) {
			model.addAttribute("newMasterKey", masterKey.location().toString());
		}
		return "web/home";
	}
}
