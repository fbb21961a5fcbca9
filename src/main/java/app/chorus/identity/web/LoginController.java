package app.chorus.identity.web;

import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.identity.ChorusPrincipal;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.identity.internal.AccountService;
import app.chorus.identity.internal.LoginOutcome;
import app.chorus.identity.internal.PasswordResetService;
import app.chorus.identity.internal.SignIn;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Signing in (password, then the second factor when the person has one) and out. */
@Controller
class LoginController {

	private static final String PENDING = LoginController.class.getName() + ".pending";

	/** A person past the password step, waiting for their second factor; good for five minutes. */
	record PendingSecondFactor(UserId user, Instant until) implements Serializable {
	}

	private final SignIn signIn;
	private final AccountService accounts;
	private final PasswordResetService resets;
	private final SecurityContextRepository contexts;
	private final CurrentUser currentUser;
	private final FormErrors errors;
	private final Clock clock;
	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	LoginController(SignIn signIn, AccountService accounts, PasswordResetService resets,
			SecurityContextRepository contexts, CurrentUser currentUser, FormErrors errors, Clock clock) {
		this.signIn = signIn;
		this.accounts = accounts;
		this.resets = resets;
		this.contexts = contexts;
		this.currentUser = currentUser;
		this.errors = errors;
		this.clock = clock;
	}

	@GetMapping("/login")
	String loginPage(Model model) {
		if (!accounts.anyAccount()) {
			return "redirect:/setup";
		}
		if (currentUser.account().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("emailEnabled", resets.emailEnabled());
		return "identity/login";
	}

	@PostMapping("/login")
	String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LoginOutcome outcome = signIn.checkPassword(email, password, RequestOrigin.of(request));
		return switch (outcome) {
			case LoginOutcome.SignedIn(UserAccount account) -> establish(account, "password", request, response);
			case LoginOutcome.SecondFactorNeeded(UserAccount account) -> {
				request.getSession().setAttribute(PENDING,
						new PendingSecondFactor(account.id(), clock.instant().plusSeconds(300)));
				yield "redirect:/login/two-factor";
			}
			case LoginOutcome.Refused() -> failed(model, email, "login.failed");
			case LoginOutcome.Throttled() -> failed(model, email, "login.throttled");
		};
	}

	private String failed(Model model, String email, String key) {
		model.addAttribute("email", email);
		model.addAttribute("error", errors.message(key));
		model.addAttribute("emailEnabled", resets.emailEnabled());
		return "identity/login";
	}

	@GetMapping("/login/two-factor")
	String secondFactorPage(HttpSession session) {
		return pending(session).isPresent() ? "identity/login-two-factor" : "redirect:/login";
	}

	@PostMapping("/login/two-factor")
	String secondFactor(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSecondFactor> pending = pending(request.getSession());
		if (pending.isEmpty()) {
			return "redirect:/login?expired";
		}
		UserId user = pending.get().user();
		Optional<String> method = signIn.checkSecondFactor(user, code, RequestOrigin.of(request));
		Optional<UserAccount> account = accounts.find(user);
		if (method.isEmpty() || account.isEmpty()) {
			model.addAttribute("error", errors.message("login.code-wrong"));
			return "identity/login-two-factor";
		}
		request.getSession().removeAttribute(PENDING);
		return establish(account.get(), method.get(), request, response);
	}

	private Optional<PendingSecondFactor> pending(HttpSession session) {
		if (session.getAttribute(PENDING) instanceof PendingSecondFactor p && p.until().isAfter(clock.instant())) {
			return Optional.of(p);
		}
		return Optional.empty();
	}

	private String establish(UserAccount account, String method, HttpServletRequest request,
			HttpServletResponse response) {
		var sessionId = signIn.startSession(account, method, RequestOrigin.of(request));
		request.getSession();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(ChorusPrincipal.session(account.id(),
				sessionId), null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		SavedRequest saved = savedRequests.getRequest(request, response);
		savedRequests.removeRequest(request, response);
		if (saved != null && saved.getMethod().equals("GET")) {
			// Only the path and query of the saved request: never a redirect off this site. Spring Security marks
			// saved requests with a "continue" parameter that the person need not see.
			URI uri = URI.create(saved.getRedirectUrl());
			String query = uri.getRawQuery() == null ? ""
					: Arrays.stream(uri.getRawQuery().split("&"))
						.filter(p -> !p.equals("continue") && !p.startsWith("continue="))
						.collect(Collectors.joining("&"));
			return "redirect:" + uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
		}
		return "redirect:/";
	}

	@PostMapping("/logout")
	String logout(HttpServletRequest request) {
		currentUser.principal().ifPresent(principal -> currentUser.account().ifPresent(account -> {
			if (principal.sessionId() != null) {
				signIn.signOut(account, principal.sessionId(), RequestOrigin.of(request));
			}
		}));
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/login?signedOut";
	}
}
