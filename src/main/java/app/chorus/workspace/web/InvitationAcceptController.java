package app.chorus.workspace.web;

import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.InvitationService;

/**
 * Where an invitation link leads. Someone new makes their account here; someone with an account signs in first; a
 * signed-in person with the invited address joins with one click.
 */
@Controller
class InvitationAcceptController {

	private final InvitationService invitations;
	private final IdentityManagement identity;
	private final CurrentUser currentUser;
	private final WorkspaceContext context;
	private final FormErrors errors;

	InvitationAcceptController(InvitationService invitations, IdentityManagement identity, CurrentUser currentUser,
			WorkspaceContext context, FormErrors errors) {
		this.invitations = invitations;
		this.identity = identity;
		this.currentUser = currentUser;
		this.context = context;
		this.errors = errors;
	}

	@GetMapping("/invitations/accept/{token}")
	String page(@PathVariable String token, Model model) {
		InvitationService.PendingInvitation invitation = invitations.pending(token);
		Optional<UserAccount> me = currentUser.account();
		model.addAttribute("invitation", invitation);
		model.addAttribute("token", token);
		model.addAttribute("signedIn", me.isPresent());
		model.addAttribute("sameAddress", me.map(a -> a.email().equals(invitation.email())).orElse(false));
		model.addAttribute("hasAccount", me.isEmpty() && identity.findByEmail(invitation.email()).isPresent());
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("timeZone", "UTC");
		return "workspace/invitation";
	}

	@PostMapping("/invitations/accept/{token}")
	String accept(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "UTC") String timeZone,
			Model model) {
		Optional<UserAccount> me = currentUser.account();
		try {
			if (me.isPresent()) {
				WorkspaceId joined = invitations.accept(token, me.get());
				context.switchTo(joined);
				return "redirect:/";
			}
			invitations.acceptAsNewAccount(token, displayName, password, LocaleContextHolder.getLocale(),
					TimeZones.parse(timeZone));
			return "redirect:/login?joined";
		}
		catch (ChorusException e) {
			if (e.field() == null) {
				throw e;
			}
			errors.add(model, e);
			model.addAttribute("displayName", displayName);
			String view = page(token, model);
			model.addAttribute("timeZone", timeZone);
			return view;
		}
	}
}
