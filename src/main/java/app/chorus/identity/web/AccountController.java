package app.chorus.identity.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.identity.internal.AccountService;
import app.chorus.identity.internal.SignIn;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;

/** The person's own account: profile, language, time zone, password and open sessions. */
@Controller
class AccountController {

	private final AccountService accounts;
	private final SignIn signIn;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	AccountController(AccountService accounts, SignIn signIn, CurrentUser currentUser, FormErrors errors) {
		this.accounts = accounts;
		this.signIn = signIn;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/account")
	String account(Model model) {
		UserAccount me = currentUser.require();
		model.addAttribute("me", me);
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("sessions", signIn.openSessions(me.id()));
		model.addAttribute("currentSession", currentUser.requirePrincipal().sessionId());
		return "identity/account";
	}

	@PostMapping("/account/profile")
	String profile(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "en") String locale,
			@RequestParam(defaultValue = "UTC") String timeZone, Model model, RedirectAttributes redirect) {
		UserAccount me = currentUser.require();
		try {
			accounts.updateProfile(me.id(), displayName, Locale.forLanguageTag(locale), TimeZones.parse(timeZone));
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return account(model);
		}
		redirect.addFlashAttribute("notice", "account.saved");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String password(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, Model model, RedirectAttributes redirect) {
		UserAccount me = currentUser.require();
		try {
			accounts.changePassword(me.id(), currentPassword, newPassword,
					currentUser.requirePrincipal().sessionId());
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return account(model);
		}
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions/{id}/end")
	String endSession(@PathVariable UUID id, RedirectAttributes redirect) {
		if (signIn.endSession(currentUser.require(), id)) {
			redirect.addFlashAttribute("notice", "sessions.ended-one");
		}
		return "redirect:/account";
	}
}
