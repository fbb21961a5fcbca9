package app.chorus.inbox.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a text contains a keyword. Both are compared in Unicode's compatibility form (full-width letters, ligatures and
 * composed Hangul made alike), in lower case, with every run of white space read as one space. A keyword must start
 * where a word starts. Where words take endings written onto them (Korean particles, Nepali postpositions: 환불 in
 * 환불이, पैसा in पैसाको) it may end inside the word; in other scripts it must end where the word ends, unless it
 * ends with {@code *}: "refund" does not match "refunds", "refund*" does, and "ass" never matches "class".
 */
final class KeywordMatch {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private KeywordMatch() {
	}

	/** The form both a text and a keyword are compared in. */
	static String normalise(String text) {
		String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return SPACES.matcher(compatible).replaceAll(" ");
	}

	/** A keyword as it is kept: normalised, without white space around it. */
	static String keyword(String keyword) {
		return normalise(keyword).strip();
	}

	/** Whether the keyword has something to look for (not blank, not a bare {@code *}). */
	static boolean usable(String keyword) {
		String word = keyword(keyword);
		return !(word.endsWith("*") ? word.substring(0, word.length() - 1) : word).isBlank();
	}

	/** Whether {@code text} contains {@code keyword}; both already {@link #normalise normalised}. */
	static boolean contains(String text, String keyword) {
		boolean prefix = keyword.endsWith("*");
		String word = prefix ? keyword.substring(0, keyword.length() - 1).strip() : keyword;
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
		int type = Character.getType(codePoint);
		return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
	}

	private static boolean takesEndings(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.DEVANAGARI;
	}
}
