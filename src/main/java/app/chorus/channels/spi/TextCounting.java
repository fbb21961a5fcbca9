package app.chorus.channels.spi;

import java.text.Normalizer;
import java.util.List;

/**
 * How a network measures the length of a text. Each way is data a {@link TextRules} carries; none needs a network's
 * name to work.
 */
public sealed interface TextCounting {

	/** The length of {@code text} as the network counts it. */
	int count(String text);

	/** What the count is in: {@link RuleUnit#CHARACTERS} or {@link RuleUnit#BYTES}. */
	RuleUnit unit();

	/** UTF-16 code units, as JavaScript's {@code length} counts (TikTok's "UTF-16 runes"). */
	TextCounting UTF16_UNITS = new Utf16Units();

	/** Unicode code points. */
	TextCounting CODE_POINTS = new CodePoints();

	/** Extended grapheme clusters: what a reader sees as one character (an emoji family, a flag, "क्ष"). */
	TextCounting GRAPHEMES = new Graphemes();

	/** Bytes of the UTF-8 encoding. */
	TextCounting UTF8_BYTES = new Utf8Bytes();

	/** X's weighted count, with links counted as 23 (t.co). */
	TextCounting X_WEIGHTED = new XWeighted(23);

	/** Threads: graphemes, except that an emoji counts as many as its UTF-8 bytes. */
	TextCounting THREADS = new ThreadsCharacters();

	record Utf16Units() implements TextCounting {

		@Override
		public int count(String text) {
			return text.length();
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.CHARACTERS;
		}
	}

	record CodePoints() implements TextCounting {

		@Override
		public int count(String text) {
			return text.codePointCount(0, text.length());
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.CHARACTERS;
		}
	}

	record Graphemes() implements TextCounting {

		@Override
		public int count(String text) {
			return UnicodeText.graphemeCount(text);
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.CHARACTERS;
		}
	}

	record Utf8Bytes() implements TextCounting {

		@Override
		public int count(String text) {
			return UnicodeText.utf8Length(text);
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.BYTES;
		}
	}

	/**
	 * X's weighted length (twitter-text configuration v3): after NFC normalisation, a code point in U+0000–U+10FF,
	 * U+2000–U+200D, U+2010–U+201F or U+2032–U+2037 weighs 1 and any other weighs 2; an emoji sequence (with skin tone,
	 * zero-width joiners, a flag) weighs 2 in all; every link weighs {@code linkLength} whatever its length. Links
	 * written without a scheme are recognised only for common generic top-level domains (see {@link TextEntities}).
	 * @param linkLength what a link counts as (the length of a t.co link)
	 */
	record XWeighted(int linkLength) implements TextCounting {

		@Override
		public int count(String text) {
			String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
			int weight = 0;
			int position = 0;
			for (TextEntities.Span link : TextEntities.links(normalized, true)) {
				weight += weigh(normalized.substring(position, link.start())) + linkLength;
				position = link.end();
			}
			return weight + weigh(normalized.substring(position));
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.CHARACTERS;
		}

		private static int weigh(String text) {
			int weight = 0;
			for (String cluster : UnicodeText.graphemes(text)) {
				weight += UnicodeText.isEmoji(cluster) ? 2
						: cluster.codePoints().map(XWeighted::weigh).sum();
			}
			return weight;
		}

		private static int weigh(int codePoint) {
			boolean light = codePoint <= 0x10FF || (codePoint >= 0x2000 && codePoint <= 0x200D)
					|| (codePoint >= 0x2010 && codePoint <= 0x201F) || (codePoint >= 0x2032 && codePoint <= 0x2037);
			return light ? 1 : 2;
		}
	}

	/**
	 * Threads' count: graphemes, but "emojis are counted as the number of UTF-8 bytes" (Threads API, Posts,
	 * Limitations), so 😀 counts 4 and a family of four 25.
	 */
	record ThreadsCharacters() implements TextCounting {

		@Override
		public int count(String text) {
			int count = 0;
			for (String cluster : UnicodeText.graphemes(text)) {
				count += UnicodeText.isEmoji(cluster)
						? UnicodeText.utf8Length(cluster) : 1;
			}
			return count;
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.CHARACTERS;
		}
	}

	/**
	 * Mastodon's count (StatusLengthValidator): graphemes, with every {@code http(s)} link counted as
	 * {@code linkLength} and a mention of an account on another server counted without its domain
	 * ({@code @ana@example.social} as {@code @ana}).
	 * @param linkLength the instance's {@code characters_reserved_per_url}
	 */
	record MastodonCharacters(int linkLength) implements TextCounting {

		@Override
		public int count(String text) {
			String shortened = TextEntities.withShortMentions(text);
			List<TextEntities.Span> links = TextEntities.links(shortened, false);
			int count = 0;
			int position = 0;
			for (TextEntities.Span link : links) {
				count += UnicodeText.graphemeCount(shortened.substring(position, link.start()))
						+ linkLength;
				position = link.end();
			}
			return count + UnicodeText.graphemeCount(shortened.substring(position));
		}

		@Override
		public RuleUnit unit() {
			return RuleUnit.CHARACTERS;
		}
	}
}
