package app.chorus.inbox.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When a text contains a keyword. Both are compared in Unicode's compatibility form (full-width letters, ligatures and
 * composed Hangul made alike) and lower case. A keyword must start where a word starts. Where words take endings
 * written onto them (Korean particles, Nepali postpositions: 환불 in 환불이, पैसा in पैसाको) it may end inside the word;
 * in other scripts it must end where the word ends, unless it ends with {@code *}: "refund" does not match "refunds",
 * "refund*" does, and "ass" never matches "class".
 */
final class KeywordMatch {

	private KeywordMatch() {
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** Whether {@code text} contains {@code keyword}; both already {@link #normalise normalised}. */
	static boolean contains(String text, String keyword) {
		boolean prefix = keyword.endsWith("*");
		String word = prefix ? keyword.substring(0, keyword.length() - 1) : keyword;
		if (word.isEmpty()) {
			return false;
		}
		boolean suffixes = prefix || takesEndings(word.codePointBefore(word.length()));
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			int end = at + word.length();
			boolean starts = at == 0 || !wordPart(text.codePointBefore(at));
			boolean ends = end == text.length() || !wordPart(text.codePointAt(end));
			if (starts && (ends || suffixes)) {
				return true;
			}
		}
		return false;
	}

	private static boolean wordPart(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
				|| Character.getType(codePoint) == Character.COMBINING_SPACING_MARK;
	}

	private static boolean takesEndings(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.DEVANAGARI;
	}
}
