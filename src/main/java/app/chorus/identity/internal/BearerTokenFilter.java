package app.chorus.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import app.chorus.identity.ChorusPrincipal;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.TokenScope;
import app.chorus.identity.UserAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer chorus_…} on the API. A token that is unknown, revoked or expired gets a
 * 401 problem at once; a request without one goes on anonymous (and is refused by the rules unless the endpoint is
 * public).
 */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenService tokens;
	private final AccountService accounts;
	private final ApiAuthenticationProblems problems;

	BearerTokenFilter(TokenService tokens, AccountService accounts, ApiAuthenticationProblems problems) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.problems = problems;
	}

	static String authority(TokenScope scope) {
		return "SCOPE_" + scope.key();
	}

	/**
	 * A streamed answer (the live inbox's Server-Sent Events) ends with an asynchronous dispatch of the same request;
	 * it is authenticated again from the same header, or the rules would refuse it as anonymous (and log the refusal
	 * of an answer already sent).
	 */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ChorusPrincipal> principal = tokens.authenticate(header.substring(7).strip());
		Optional<UserAccount> account = principal.flatMap(p -> accounts.find(p.userId()));
		if (principal.isEmpty() || account.isEmpty()) {
			problems.commence(request, response, new AuthenticationCredentialsNotFoundException("token"));
			return;
		}
		List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(TokenScope.values())
			.filter(principal.get()::allows).map(scope -> new SimpleGrantedAuthority(authority(scope))).toList();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new PreAuthenticatedAuthenticationToken(principal.get(), null, authorities));
		SecurityContextHolder.setContext(context);
		request.setAttribute(CurrentUser.ACCOUNT_ATTRIBUTE, account.get());
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
