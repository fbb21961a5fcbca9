package app.chorus.web;

import java.util.List;
import java.util.Locale;

/** The languages Chorus speaks, each named in itself for the language menu. */
public final class SupportedLocales {

	public record Language(String tag, String nativeName) {
	}

	public static final List<Language> ALL = List.of(new Language("en", "English"), new Language("ko", "한국어"),
			new Language("ne", "नेपाली"), new Language("da", "Dansk"));

	private SupportedLocales() {
	}

	public static boolean supported(Locale locale) {
		return ALL.stream().anyMatch(l -> l.tag().equals(locale.getLanguage()));
	}

	/** The supported language closest to {@code locale}, or English. */
	public static Locale closest(Locale locale) {
		return supported(locale) ? Locale.forLanguageTag(locale.getLanguage()) : Locale.ENGLISH;
	}
}
