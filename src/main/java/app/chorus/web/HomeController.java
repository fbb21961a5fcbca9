package app.chorus.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.chorus.identity.CurrentUser;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceContext;

/** The home page: where the person stands in the current workspace, and what to do next. */
@Controller
class HomeController {

	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	HomeController(WorkspaceContext context, CurrentUser currentUser) {
		this.context = context;
		this.currentUser = currentUser;
	}

	@GetMapping("/")
	String home(Model model) {
		Membership membership = context.current().orElse(null);
		if (membership == null) {
			return "redirect:/workspaces/new";
		}
		model.addAttribute("membership", membership);
		model.addAttribute("me", currentUser.require());
		return "web/home";
	}
}
