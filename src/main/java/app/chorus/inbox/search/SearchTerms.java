package app.chorus.inbox.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The words of a message as the inbox's full-text search knows them, the same for every language: Unicode's
 * compatibility form, lower case, split wherever a character is neither a letter, a combining mark nor a digit. So
 * Korean and Nepali words keep their syllables and vowel signs whole (PostgreSQL's own parser, which depends on the
 * server's locale, is not asked), and a search word matches every stored word it begins: "refund" finds "refunds",
 * 환불 finds 환불이, पैसा finds पैसाको. Links and handles are words too, so a handle can be searched for.
 */
public final class SearchTerms {

	/** Longer words are cut here (a lexeme in PostgreSQL may be at most 2 KB). */
	static final int MAX_WORD = 100;
	/** At most this many distinct words are indexed per message. */
	static final int MAX_WORDS = 2000;
	/** At most this many words of a query count. */
	static final int MAX_QUERY_WORDS = 10;

	private SearchTerms() {
	}

	/** The distinct words of a text, in the order they first appear. */
	public static List<String> of(String text) {
		return List.copyOf(words(text, MAX_WORDS));
	}

	/**
	 * A PostgreSQL {@code tsquery} that finds texts containing a word beginning with each word of the query, or
	 * {@code null} when the query has no words. Every word is quoted, so nothing in it is read as an operator.
	 */
	public static @Nullable String query(String query) {
		Set<String> words = words(query, MAX_QUERY_WORDS);
		if (words.isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (String word : words) {
			parts.add("'" + word.replace("'", "''").replace("\\", "\\\\") + "':*");
		}
		return String.join(" & ", parts);
	}

	private static Set<String> words(String text, int limit) {
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		Set<String> words = new LinkedHashSet<>();
		int start = -1;
		for (int i = 0; i <= normal.length() && words.size() < limit;) {
			int codePoint = i < normal.length() ? normal.codePointAt(i) : ' ';
			boolean part = i < normal.length() && wordPart(codePoint);
			if (part && start < 0) {
				start = i;
			}
			else if (!part && start >= 0) {
				String word = normal.substring(start, i);
				words.add(word.codePointCount(0, word.length()) > MAX_WORD
						? word.substring(0, word.offsetByCodePoints(0, MAX_WORD)) : word);
				start = -1;
			}
			i += Character.charCount(codePoint);
		}
		return words;
	}

	private static boolean wordPart(int codePoint) {
		int type = Character.getType(codePoint);
		return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
	}
}
