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
 * <p>
 * A message is stored with its words and their beginnings ({@link #lexemes}): "refunds" also as "ref", "refu",
 * "refun", "refund". A search word is then looked up as one whole entry of the index, which PostgreSQL's GIN index
 * intersects by skipping through the rarest word's matches; asking the index for every entry that begins with a word
 * ({@code 'refund':*}) instead gathers all of each word's matches first, which for a common word in ten million
 * messages takes a tenth of a second. Beginnings start at {@value #SHORTEST_BEGINNING} characters (one for scripts
 * whose every character is a syllable or a word, as in 환 of 환불) and stop at {@value #LONGEST_BEGINNING}; a search
 * word outside those lengths asks for the entries it begins, which for a long word are few.
 */
public final class SearchTerms {

	/** Longer words are cut here (a lexeme in PostgreSQL may be at most 2 KB). */
	static final int MAX_WORD = 100;
	/** At most this many distinct words are indexed per message. */
	static final int MAX_WORDS = 2000;
	/** At most this many words of a query count. */
	static final int MAX_QUERY_WORDS = 10;
	/** The shortest beginning of a word stored, in characters, for alphabets. */
	static final int SHORTEST_BEGINNING = 3;
	/** The longest beginning of a word stored, in characters. */
	static final int LONGEST_BEGINNING = 16;
	/**
	 * What {@link #lexemes} makes, numbered: messages stored with another format are stored again (1: words only; 2:
	 * words and their beginnings).
	 */
	public static final int FORMAT = 2;

	private SearchTerms() {
	}

	/** The distinct words of a text, in the order they first appear. */
	public static List<String> words(String text) {
		return List.copyOf(words(text, MAX_WORDS));
	}

	/**
	 * What a text is stored in the search index as: its distinct words and each word's beginnings from the shortest
	 * to the longest stored, without repeats (at most {@link #MAX_WORDS} words, each with at most
	 * {@value #LONGEST_BEGINNING} beginnings).
	 */
	public static List<String> lexemes(String text) {
		Set<String> lexemes = new LinkedHashSet<>();
		for (String word : words(text, MAX_WORDS)) {
			int length = word.codePointCount(0, word.length());
			for (int n = shortestBeginning(word); n < length && n <= LONGEST_BEGINNING; n++) {
				lexemes.add(word.substring(0, word.offsetByCodePoints(0, n)));
			}
			lexemes.add(word);
		}
		return List.copyOf(lexemes);
	}

	/**
	 * A PostgreSQL {@code tsquery} that finds texts containing a word beginning with each word of the query, or
	 * {@code null} when the query has no words: a word of a length whose beginnings are stored is one entry, any other
	 * asks for every entry it begins. Every word is quoted, so nothing in it is read as an operator.
	 */
	public static @Nullable String query(String query) {
		return query(query, true);
	}

	/**
	 * As {@link #query(String)}, but when the stored words may be in an older format ({@code beginningsStored} false)
	 * every word asks for all the entries it begins.
	 */
	public static @Nullable String query(String query, boolean beginningsStored) {
		Set<String> words = words(query, MAX_QUERY_WORDS);
		if (words.isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (String word : words) {
			int length = word.codePointCount(0, word.length());
			boolean stored = beginningsStored && length >= shortestBeginning(word) && length <= LONGEST_BEGINNING;
			parts.add("'" + word.replace("'", "''").replace("\\", "\\\\") + (stored ? "'" : "':*"));
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

	/** One character for Hangul, Han and kana (each a syllable or a word), else {@link #SHORTEST_BEGINNING}. */
	private static int shortestBeginning(String word) {
		return switch (Character.UnicodeScript.of(word.codePointAt(0))) {
			case HANGUL, HAN, HIRAGANA, KATAKANA -> 1;
			default -> SHORTEST_BEGINNING;
		};
	}

	private static boolean wordPart(int codePoint) {
		int type = Character.getType(codePoint);
		return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
	}
}
