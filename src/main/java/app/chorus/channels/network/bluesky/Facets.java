package app.chorus.channels.network.bluesky;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.network.bluesky.Lexicon.ByteSlice;
import app.chorus.channels.network.bluesky.Lexicon.Facet;
import app.chorus.channels.network.bluesky.Lexicon.Feature;

/**
 * Rich-text facets of a post (app.bsky.richtext.facet): links, mentions and hashtags found in the text, each
 * addressed by UTF-8 byte offsets as the lexicon requires (not Java's UTF-16 indexes, not code points).
 * <ul>
 * <li>Links: {@code http://} and {@code https://} URLs, after the start of the text, a space or an opening bracket
 * or quote. Closing punctuation at the end ({@code .,;:!?} and quotes, and a {@code )} or {@code ]} the URL did not
 * open) stays outside the link. Bare domains ({@code example.com}) are not linked.</li>
 * <li>Mentions: {@code @handle} with a syntactically valid handle (two or more labels, the last not starting with a
 * digit), after the start of the text, a space or an opening bracket or quote. The handle is resolved to a DID by the
 * caller; a handle that does not resolve stays plain text.</li>
 * <li>Hashtags: {@code #tag} (or the full-width {@code ＃}) after the start of the text or a space, up to the next
 * space; trailing punctuation is dropped; a tag of digits only, or longer than 64 graphemes, is no tag.</li>
 * </ul>
 * A mention or tag inside a link is part of the link.
 */
final class Facets {

	private Facets() {
	}

	enum Kind {
		LINK, MENTION, TAG
	}

	/**
	 * One facet found in the text, before mentions are resolved.
	 * @param value the URL, the handle (lower-cased, without {@code @}) or the tag (without {@code #})
	 */
	record Span(int byteStart, int byteEnd, Kind kind, String value) {
	}

	static final int MAX_TAG_GRAPHEMES = 64;

	private static final int MAX_TAG_BYTES = 640;

	private static final String OPENERS = "\\s(\\[{<\"'“‘«";

	private static final Pattern LINK = Pattern.compile("(?<![^" + OPENERS + "])https?://[^\\s/?#]+\\S*",
			Pattern.CASE_INSENSITIVE);

	private static final String LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";

	private static final Pattern MENTION = Pattern
		.compile("(?<![^" + OPENERS + "])@(" + LABEL + "(?:\\." + LABEL + ")+)(?![a-zA-Z0-9-])");

	/** Characters that end a tag as a space does: soft hyphen, word joiner, hair and zero-width spaces. */
	private static final String INVISIBLE = "\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20E2";

	private static final Pattern TAG = Pattern
		.compile("(?<![^\\s])[#＃]([^\\s" + INVISIBLE + "]+)");

	private static final String CLOSING_PUNCTUATION = ".,;:!?\"'”’»";

	/** Every link, mention and tag in the text, in order; overlapping ones give way to the link. */
	static List<Span> detect(String text) {
		ByteOffsets bytes = new ByteOffsets(text);
		List<Span> links = new ArrayList<>();
		Matcher link = LINK.matcher(text);
		while (link.find()) {
			int end = link.start() + trimUrl(link.group()).length();
			links.add(new Span(bytes.at(link.start()), bytes.at(end), Kind.LINK, text.substring(link.start(), end)));
		}
		List<Span> spans = new ArrayList<>(links);
		Matcher mention = MENTION.matcher(text);
		while (mention.find()) {
			String handle = mention.group(1);
			String tld = handle.substring(handle.lastIndexOf('.') + 1);
			if (handle.length() <= 253 && !Character.isDigit(tld.charAt(0))) {
				addUnlessInside(spans, links, new Span(bytes.at(mention.start()), bytes.at(mention.end()),
						Kind.MENTION, handle.toLowerCase(Locale.ROOT)));
			}
		}
		Matcher tag = TAG.matcher(text);
		while (tag.find()) {
			String body = trimTag(tag.group(1));
			if (isTag(body)) {
				int end = tag.start(1) + body.length();
				addUnlessInside(spans, links, new Span(bytes.at(tag.start()), bytes.at(end), Kind.TAG, body));
			}
		}
		spans.sort(Comparator.comparingInt(Span::byteStart));
		return List.copyOf(spans);
	}

	/**
	 * The lexicon facets of the text; {@code didOfHandle} resolves a mentioned handle and answers null when it does not
	 * exist, in which case the mention stays plain text.
	 */
	static List<Facet> of(String text, Function<String, @Nullable String> didOfHandle) {
		List<Facet> facets = new ArrayList<>();
		for (Span span : detect(text)) {
			@Nullable Feature feature = switch (span.kind()) {
				case LINK -> new Lexicon.Link(span.value());
				case TAG -> new Lexicon.Tag(span.value());
				case MENTION -> {
					String did = didOfHandle.apply(span.value());
					yield did == null ? null : new Lexicon.Mention(did);
				}
			};
			if (feature != null) {
				facets.add(new Facet(new ByteSlice(span.byteStart(), span.byteEnd()), List.of(feature)));
			}
		}
		return List.copyOf(facets);
	}

	private static void addUnlessInside(List<Span> spans, List<Span> links, Span span) {
		for (Span link : links) {
			if (span.byteStart() < link.byteEnd() && link.byteStart() < span.byteEnd()) {
				return;
			}
		}
		spans.add(span);
	}

	/** Drops closing punctuation, and closing brackets the URL itself did not open. */
	private static String trimUrl(String url) {
		String trimmed = url;
		boolean changed = true;
		while (changed && !trimmed.isEmpty()) {
			changed = false;
			char last = trimmed.charAt(trimmed.length() - 1);
			if (CLOSING_PUNCTUATION.indexOf(last) >= 0 || unbalanced(trimmed, last, ')', '(')
					|| unbalanced(trimmed, last, ']', '[')) {
				trimmed = trimmed.substring(0, trimmed.length() - 1);
				changed = true;
			}
		}
		return trimmed;
	}

	private static boolean unbalanced(String url, char last, char close, char open) {
		return last == close
				&& url.chars().filter(c -> c == close).count() > url.chars().filter(c -> c == open).count();
	}

	/** Drops trailing punctuation (Unicode category P), as the lexicon's guidance for tags says. */
	private static String trimTag(String body) {
		int end = body.length();
		while (end > 0) {
			int codePoint = body.codePointBefore(end);
			if (!isPunctuation(codePoint)) {
				break;
			}
			end -= Character.charCount(codePoint);
		}
		return body.substring(0, end);
	}

	private static boolean isTag(String body) {
		if (body.isEmpty() || body.charAt(0) == '\uFE0F' || body.chars().allMatch(Character::isDigit)) {
			return false;
		}
		return body.getBytes(StandardCharsets.UTF_8).length <= MAX_TAG_BYTES && graphemes(body) <= MAX_TAG_GRAPHEMES;
	}

	private static boolean isPunctuation(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION ->
				true;
			default -> false;
		};
	}

	static int graphemes(String text) {
		BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
		characters.setText(text);
		int count = 0;
		while (characters.next() != BreakIterator.DONE) {
			count++;
		}
		return count;
	}

	/** UTF-8 byte offset of every UTF-16 index of a text. */
	private static final class ByteOffsets {

		private final int[] offsets;

		ByteOffsets(String text) {
			offsets = new int[text.length() + 1];
			int bytes = 0;
			for (int i = 0; i < text.length(); i++) {
				offsets[i] = bytes;
				char c = text.charAt(i);
				boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1));
				if (pair) {
					offsets[i + 1] = bytes;
					bytes += 4;
					i++;
				}
				else {
					bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
				}
			}
			offsets[text.length()] = bytes;
		}

		int at(int index) {
			return offsets[index];
		}
	}
}
