package app.chorus.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.identity.internal.PasswordResetService;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;

/** "Forgot your password?" by e-mail, and setting a new one through a reset link. */
@Controller
class PasswordResetController {

	private final PasswordResetService resets;
	private final FormErrors errors;

	PasswordResetController(PasswordResetService resets, FormErrors errors) {
		this.resets = resets;
		this.errors = errors;
	}

	@GetMapping("/password/forgot")
	String forgotPage(Model model) {
		model.addAttribute("emailEnabled", resets.emailEnabled());
		return "identity/password-forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Model model) {
		model.addAttribute("emailEnabled", resets.emailEnabled());
		if (resets.emailEnabled()) {
			resets.requestByEmail(email);
			model.addAttribute("sent", true);
		}
		return "identity/password-forgot";
	}

	@GetMapping("/password/reset")
	String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", resets.linkValid(token));
		return "identity/password-reset";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
			Model model) {
		try {
			resets.reset(token, newPassword);
			return "redirect:/login?passwordReset";
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("token", token);
			model.addAttribute("valid", resets.linkValid(token));
			return "identity/password-reset";
		}
	}
}
