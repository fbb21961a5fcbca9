package app.chorus.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The language menu: saves the choice and returns to the page it was made on. */
@Controller
class LanguageController {

	private final LocaleResolver locales;

	LanguageController(LocaleResolver locales) {
		this.locales = locales;
	}

	@PostMapping("/language")
	String choose(@RequestParam String lang, @RequestParam(defaultValue = "/") String back, HttpServletRequest request,
			HttpServletResponse response) {
		locales.setLocale(request, response, Locale.forLanguageTag(lang));
		return "redirect:" + samePath(back);
	}

	/** Only a path on this site: never a redirect elsewhere. */
	static String samePath(String back) {
		try {
			URI uri = URI.create(back);
			if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return "/";
			}
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException e) {
			return "/";
		}
	}
}
