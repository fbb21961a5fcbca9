package app.chorus.workspace.web;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.identity.IdentityManagement;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.internal.WorkspaceService;

/** First run: the page that makes the owner account and the first workspace, open only while there is no account. */
@Controller
class SetupController {

	private final WorkspaceService workspaces;
	private final IdentityManagement identity;
	private final FormErrors errors;

	SetupController(WorkspaceService workspaces, IdentityManagement identity, FormErrors errors) {
		this.workspaces = workspaces;
		this.identity = identity;
		this.errors = errors;
	}

	@GetMapping("/setup")
	String page(Model model) {
		if (identity.anyAccount()) {
			return "redirect:/login";
		}
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("timeZone", "UTC");
		return "workspace/setup";
	}

	@PostMapping("/setup")
	String setUp(@RequestParam(defaultValue = "") String workspaceName,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "UTC") String timeZone,
			Model model) {
		if (identity.anyAccount()) {
			return "redirect:/login";
		}
		try {
			Locale locale = LocaleContextHolder.getLocale();
			workspaces.setUp(workspaceName, displayName, email, password, locale, TimeZones.parse(timeZone));
			return "redirect:/login?setup";
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("workspaceName", workspaceName);
			model.addAttribute("displayName", displayName);
			model.addAttribute("email", email);
			model.addAttribute("timeZone", timeZone);
			model.addAttribute("zones", TimeZones.ALL);
			return "workspace/setup";
		}
	}
}
