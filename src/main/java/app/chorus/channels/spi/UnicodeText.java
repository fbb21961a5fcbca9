package app.chorus.channels.spi;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * User-perceived characters (UAX #29 extended grapheme clusters) and which of them are emoji. Uses
 * {@link BreakIterator#getCharacterInstance()}, which follows extended grapheme clusters since JDK 20 and the Unicode
 * 15.1 rule that keeps Indic conjuncts such as "क्ष" together since JDK 22. On an older runtime a conjunct counts as
 * two clusters: the count is then too high, never too low, so a post is never let through that the network refuses.
 */
final class UnicodeText {

	private static final int ZERO_WIDTH_JOINER = 0x200D;
	private static final int VARIATION_SELECTOR_EMOJI = 0xFE0F;
	private static final int COMBINING_KEYCAP = 0x20E3;

	private UnicodeText() {
	}

	static List<String> graphemes(String text) {
		List<String> clusters = new ArrayList<>();
		BreakIterator boundaries = BreakIterator.getCharacterInstance();
		boundaries.setText(text);
		int start = boundaries.first();
		for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
			clusters.add(text.substring(start, end));
		}
		return clusters;
	}

	static int graphemeCount(String text) {
		BreakIterator boundaries = BreakIterator.getCharacterInstance();
		boundaries.setText(text);
		int count = 0;
		while (boundaries.next() != BreakIterator.DONE) {
			count++;
		}
		return count;
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * Whether one grapheme cluster is shown as an emoji: a flag, a keycap, a character that is an emoji by default, or
	 * an emoji character turned into one by a variation selector, a skin tone or a zero-width joiner.
	 */
	static boolean isEmoji(String cluster) {
		if (cluster.isEmpty()) {
			return false;
		}
		int first = cluster.codePointAt(0);
		if (isRegionalIndicator(first) || Character.isEmojiPresentation(first)) {
			return true;
		}
		if (cluster.indexOf(COMBINING_KEYCAP) >= 0) {
			return true;
		}
		if (!Character.isEmoji(first) && !Character.isExtendedPictographic(first)) {
			return false;
		}
		return cluster.codePoints()
			.skip(1)
			.anyMatch(c -> c == VARIATION_SELECTOR_EMOJI || c == ZERO_WIDTH_JOINER || Character.isEmojiModifier(c));
	}

	private static boolean isRegionalIndicator(int codePoint) {
		return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
	}
}
