package app.chorus.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import app.chorus.shared.web.ChorusException;

/** The person behind the current request, read once per request. */
@Component
public class CurrentUser {

	/** Request attribute holding the {@link UserAccount} loaded by the authentication filters. */
	public static final String ACCOUNT_ATTRIBUTE = CurrentUser.class.getName() + ".account";

	public Optional<ChorusPrincipal> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ChorusPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	public Optional<UserAccount> account() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null && principal().isPresent()
				&& attributes.getAttribute(ACCOUNT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof UserAccount a) {
			return Optional.of(a);
		}
		return Optional.empty();
	}

	/** The signed-in account; a 401 when there is none (filters keep that from happening on protected paths). */
	public UserAccount require() {
		return account().orElseThrow(
				() -> new ChorusException(org.springframework.http.HttpStatus.UNAUTHORIZED, "error.unauthenticated", null));
	}

	public ChorusPrincipal requirePrincipal() {
		return principal().orElseThrow(
				() -> new ChorusException(org.springframework.http.HttpStatus.UNAUTHORIZED, "error.unauthenticated", null));
	}
}
