package app.chorus.identity.internal;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import app.chorus.identity.ChorusPrincipal;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * On every signed-in web request: is the session still open in the database, and who is the person now (name,
 * language and time zone read fresh)? A session ended elsewhere signs the browser out on its next click.
 */
@Component
class SessionCheckFilter extends OncePerRequestFilter {

	private final SignIn signIn;

	SessionCheckFilter(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ChorusPrincipal principal
				&& principal.sessionId() != null) {
			Optional<UserAccount> account = signIn.resume(principal.sessionId());
			if (account.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				if ("true".equals(request.getHeader("HX-Request"))) {
					response.setHeader("HX-Redirect", "/login?ended");
					response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?ended");
				}
				return;
			}
			request.setAttribute(CurrentUser.ACCOUNT_ATTRIBUTE, account.get());
		}
		chain.doFilter(request, response);
	}
}
