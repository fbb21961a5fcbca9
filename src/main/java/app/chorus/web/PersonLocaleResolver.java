package app.chorus.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language of a request: the signed-in person's saved choice; before sign-in, the language cookie, else the
 * browser's Accept-Language, else English. Choosing a language saves it to the account (and the cookie).
 */
@Component("localeResolver")
class PersonLocaleResolver implements LocaleResolver {

	static final String COOKIE = "chorus-lang";

	private final CurrentUser currentUser;
	private final IdentityManagement identity;

	PersonLocaleResolver(CurrentUser currentUser, IdentityManagement identity) {
		this.currentUser = currentUser;
		this.identity = identity;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CurrentUser.ACCOUNT_ATTRIBUTE) instanceof UserAccount account) {
			return SupportedLocales.closest(account.locale());
		}
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		if (cookie != null) {
			return SupportedLocales.closest(Locale.forLanguageTag(cookie.getValue()));
		}
		for (var locales = request.getLocales(); locales.hasMoreElements();) {
			Locale candidate = locales.nextElement();
			if (SupportedLocales.supported(candidate)) {
				return SupportedLocales.closest(candidate);
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale chosen = SupportedLocales.closest(locale == null ? Locale.ENGLISH : locale);
		currentUser.account().ifPresent(account -> {
			identity.updateLocale(account.id(), chosen);
			request.setAttribute(CurrentUser.ACCOUNT_ATTRIBUTE, new UserAccount(account.id(), account.email(),
					account.displayName(), chosen, account.timeZone(), account.twoFactorEnabled(), account.createdAt()));
		});
		if (response != null) {
			Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
			cookie.setPath("/");
			cookie.setMaxAge(60 * 60 * 24 * 365);
			cookie.setHttpOnly(true);
			response.addCookie(cookie);
		}
	}
}
