package app.chorus.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A social-media text cut into lower-cased words and emoji, numbered by clause. Links, {@code @handles} and e-mail
 * addresses are left out; hashtags are kept as words but marked, so language detection can skip them while sentiment
 * still reads {@code #fail}. Control characters, digits, unpaired surrogates and anything else that is neither a
 * letter, a combining mark nor a symbol only separate words. Never throws.
 */
final class SocialText {

	enum Kind { WORD, EMOJI }

	/**
	 * @param text    a lower-cased word (letters and combining marks; an apostrophe inside) or one emoji or emoticon
	 * @param clause  which clause of the text it is in: punctuation that ends a clause starts the next
	 * @param hashtag whether the word was written as a hashtag
	 */
	record Token(String text, Kind kind, int clause, boolean hashtag) {

		boolean isWord() {
			return kind == Kind.WORD;
		}
	}

	private static final List<String> EMOTICONS = List.of(":-)", ":)", ":-D", ":D", ";)", "<3", ":-(", ":'(", ":(");

	private static final String[] LINK_STARTS = { "https://", "http://", "www." };

	private SocialText() {
	}

	static List<Token> tokens(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFC);
		List<Token> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean hashtag = false;
		int clause = 0;
		int i = 0;
		while (i < s.length()) {
			int cp = s.codePointAt(i);
			int width = Character.charCount(cp);
			if (word.isEmpty() && startsLink(s, i)) {
				i = skipUntilSpace(s, i);
				continue;
			}
			if (word.isEmpty() && cp == '@' && i + 1 < s.length() && isHandleChar(s.charAt(i + 1))) {
				i = skipHandle(s, i + 1);
				continue;
			}
			if (word.isEmpty() && cp == '#') {
				hashtag = true;
				i++;
				continue;
			}
			if (isWordChar(cp)) {
				word.appendCodePoint(Character.toLowerCase(cp));
				i += width;
				continue;
			}
			if ((cp == '\'' || cp == '\u2019') && !word.isEmpty() && i + 1 < s.length()
					&& Character.isLetter(s.codePointAt(i + 1))) {
				word.append('\'');
				i++;
				continue;
			}
			if ((cp == '\u200c' || cp == '\u200d') && !word.isEmpty()) {
				// zero-width (non-)joiners only shape Devanagari conjuncts (पर्‍यो): the word is the same without them
				i++;
				continue;
			}
			if (!word.isEmpty()) {
				tokens.add(new Token(word.toString(), Kind.WORD, clause, hashtag));
				word.setLength(0);
			}
			hashtag = false;
			String emoticon = emoticonAt(s, i);
			if (emoticon != null) {
				tokens.add(new Token(emoticon, Kind.EMOJI, clause, false));
				i += emoticon.length();
				continue;
			}
			if (Character.getType(cp) == Character.OTHER_SYMBOL) {
				tokens.add(new Token(new String(Character.toChars(cp)), Kind.EMOJI, clause, false));
			}
			else if (endsClause(cp)) {
				clause++;
			}
			i += width;
		}
		if (!word.isEmpty()) {
			tokens.add(new Token(word.toString(), Kind.WORD, clause, hashtag));
		}
		return tokens;
	}

	private static boolean isWordChar(int cp) {
		if (Character.isLetter(cp)) {
			return true;
		}
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean startsLink(String s, int i) {
		for (String start : LINK_STARTS) {
			if (s.regionMatches(true, i, start, 0, start.length())) {
				return true;
			}
		}
		return false;
	}

	private static int skipUntilSpace(String s, int i) {
		while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isHandleChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.';
	}

	private static int skipHandle(String s, int i) {
		while (i < s.length() && (isHandleChar(s.charAt(i)) || s.charAt(i) == '@' || s.charAt(i) == '-')) {
			i++;
		}
		return i;
	}

	private static @Nullable String emoticonAt(String s, int i) {
		char c = s.charAt(i);
		if (c != ':' && c != ';' && c != '<') {
			return null;
		}
		for (String emoticon : EMOTICONS) {
			if (s.startsWith(emoticon, i)) {
				return emoticon;
			}
		}
		return null;
	}

	private static boolean endsClause(int cp) {
		return switch (cp) {
			case '.', '!', '?', ',', ';', ':', '\n', '\u0964', '\u0965', '\u3002', '\uff01', '\uff1f', '\uff0c' -> true;
			default -> false;
		};
	}
}
