package app.chorus.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.TokenScope;
import app.chorus.identity.UserAccount;
import app.chorus.identity.WorkspaceDirectory;
import app.chorus.identity.internal.TokenService;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;

/** Personal API tokens for the current workspace: make one (shown once), see when each was last used, revoke. */
@Controller
class TokensController {

	private final TokenService tokens;
	private final CurrentUser currentUser;
	private final WorkspaceDirectory workspaces;
	private final FormErrors errors;
	private final Clock clock;

	TokensController(TokenService tokens, CurrentUser currentUser, WorkspaceDirectory workspaces, FormErrors errors,
			Clock clock) {
		this.tokens = tokens;
		this.currentUser = currentUser;
		this.workspaces = workspaces;
		this.errors = errors;
		this.clock = clock;
	}

	private WorkspaceId workspace() {
		return workspaces.current().orElseThrow(() -> ChorusException.notFound("workspace"));
	}

	@GetMapping("/account/tokens")
	String page(Model model) {
		UserAccount me = currentUser.require();
		model.addAttribute("tokens", tokens.list(me.id(), workspace()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("scopes", TokenScope.values());
		return "identity/tokens";
	}

	@PostMapping("/account/tokens")
	String create(@RequestParam(defaultValue = "") String name,
			@RequestParam(name = "scopes", required = false) List<String> scopes,
			@RequestParam(defaultValue = "90") int days, Model model) {
		UserAccount me = currentUser.require();
		try {
			Set<TokenScope> chosen = EnumSet.noneOf(TokenScope.class);
			if (scopes != null) {
				scopes.forEach(s -> TokenScope.fromKey(s).ifPresent(chosen::add));
			}
			if (days < 1) {
				throw ChorusException.invalid("days", "token.expiry.past");
			}
			TokenService.IssuedToken issued = tokens.issue(me, workspace(), name, chosen,
					clock.instant().plus(Duration.ofDays(days)));
			model.addAttribute("issued", issued);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("name", name);
		}
		return page(model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(currentUser.require(), workspace(), id);
		redirect.addFlashAttribute("notice", "token.revoked");
		return "redirect:/account/tokens";
	}
}
