package app.chorus.identity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.identity.internal.TwoFactorService;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import jakarta.servlet.http.HttpSession;

/** Turning two-factor sign-in on (scan, prove, keep the recovery codes) and off. */
@Controller
class TwoFactorController {

	private static final String OFFER = TwoFactorController.class.getName() + ".offer";
	private static final String ISSUER = "Chorus";

	private final TwoFactorService twoFactor;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	TwoFactorController(TwoFactorService twoFactor, CurrentUser currentUser, FormErrors errors) {
		this.twoFactor = twoFactor;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/account/two-factor")
	String page(HttpSession session, Model model) {
		UserAccount me = currentUser.require();
		model.addAttribute("me", me);
		if (me.twoFactorEnabled()) {
			model.addAttribute("remaining", twoFactor.remainingRecoveryCodes(me));
			return "identity/two-factor";
		}
		TwoFactorService.Offer offer = session.getAttribute(OFFER) instanceof TwoFactorService.Offer o ? o
				: twoFactor.offer(me, ISSUER);
		session.setAttribute(OFFER, offer);
		model.addAttribute("secret", offer.secret());
		model.addAttribute("qr", QrCodes.svg(offer.uri()));
		return "identity/two-factor";
	}

	@PostMapping("/account/two-factor")
	String confirm(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
		UserAccount me = currentUser.require();
		if (!(session.getAttribute(OFFER) instanceof TwoFactorService.Offer offer)) {
			return "redirect:/account/two-factor";
		}
		try {
			List<String> codes = twoFactor.confirm(me, offer.secret(), code);
			session.removeAttribute(OFFER);
			model.addAttribute("codes", codes);
			return "identity/recovery-codes";
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return page(session, model);
		}
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String regenerate(Model model) {
		model.addAttribute("codes", twoFactor.regenerateRecoveryCodes(currentUser.require()));
		return "identity/recovery-codes";
	}

	@PostMapping("/account/two-factor/disable")
	String disable(@RequestParam(defaultValue = "") String password, HttpSession session, Model model,
			RedirectAttributes redirect) {
		UserAccount me = currentUser.require();
		try {
			twoFactor.disable(me, password);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return page(session, model);
		}
		redirect.addFlashAttribute("notice", "two-factor.disabled");
		return "redirect:/account/two-factor";
	}
}
