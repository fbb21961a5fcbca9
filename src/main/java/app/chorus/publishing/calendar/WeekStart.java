package app.chorus.publishing.calendar;

import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first day of the week where the person lives, as FullCalendar counts days (0 Sunday … 6 Saturday). The page's
 * language says little about that on its own (Danish weeks start on Monday, American English ones on Sunday), so the
 * region comes from the browser's languages when one of them is the person's language with a region, else from the
 * region where the language is chiefly spoken.
 */
final class WeekStart {

	private static final Map<String, String> USUAL_REGION = Map.of("en", "US", "ko", "KR", "ne", "NP", "da", "DK");

	private WeekStart() {
	}

	static int of(Locale language, List<Locale> browser) {
		Locale regional = browser.stream()
			.filter(l -> l.getLanguage().equals(language.getLanguage()) && !l.getCountry().isEmpty())
			.findFirst()
			.orElseGet(() -> language.getCountry().isEmpty()
					? new Locale.Builder().setLanguage(language.getLanguage())
						.setRegion(USUAL_REGION.getOrDefault(language.getLanguage(), "001")).build()
					: language);
		return WeekFields.of(regional).getFirstDayOfWeek().getValue() % 7;
	}
}
