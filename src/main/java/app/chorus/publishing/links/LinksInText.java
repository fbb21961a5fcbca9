package app.chorus.publishing.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code http(s)://} links in a post's text, the way a reader would see them. Punctuation that ends a
 * sentence is not part of a link, nor is a closing bracket that closes one opened before the link
 * ({@code (see https://example.com/a)}), while a bracket pair inside the link stays
 * ({@code https://en.wikipedia.org/wiki/Chorus_(band)}). The host must be written in ASCII (so a Korean particle right
 * after a domain is not taken for part of it); the path may contain letters of any script. Links written without a
 * scheme are left alone: they cannot be told apart from file names reliably.
 */
final class LinksInText {

	private static final Pattern START = Pattern.compile("(?<![A-Za-z0-9+.\\-])https?://", Pattern.CASE_INSENSITIVE);

	/** RFC 3986 unreserved, reserved and '%': what a link may contain in ASCII. */
	private static final String ASCII_LINK_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			+ "-._~:/?#[]@!$&'()*+,;=%";

	private static final String ASCII_HOST_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:";

	private static final String SENTENCE_END = ".,;:!?'\"*";

	private LinksInText() {
	}

	/** A link in the text: {@code start} inclusive, {@code end} exclusive (UTF-16 indexes), and its text. */
	record Found(int start, int end, String url) {
	}

	/** The links in the text, in order. */
	static List<Found> find(String text) {
		List<Found> links = new ArrayList<>();
		Matcher start = START.matcher(text);
		int from = 0;
		while (from < text.length() && start.find(from)) {
			int hostStart = start.end();
			int hostEnd = hostStart;
			while (hostEnd < text.length() && ASCII_HOST_CHARS.indexOf(text.charAt(hostEnd)) >= 0) {
				hostEnd++;
			}
			int end = hostEnd;
			if (end < text.length() && "/?#".indexOf(text.charAt(end)) >= 0) {
				end = pathEnd(text, end);
			}
			end = trimmed(text, hostStart, end);
			String host = text.substring(hostStart, Math.min(hostEnd, end));
			if (host.contains(".") && !host.startsWith(".")) {
				links.add(new Found(start.start(), end, text.substring(start.start(), end)));
			}
			from = Math.max(end, start.end());
		}
		return links;
	}

	private static int pathEnd(String text, int from) {
		int end = from;
		while (end < text.length()) {
			int c = text.codePointAt(end);
			boolean part = c < 128 ? ASCII_LINK_CHARS.indexOf(c) >= 0 : isWordLike(c);
			if (!part) {
				break;
			}
			end += Character.charCount(c);
		}
		return end;
	}

	/** Letters, digits and combining marks of any script; punctuation such as 「。」 or 「）」 ends a link. */
	private static boolean isWordLike(int c) {
		int type = Character.getType(c);
		return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	private static int trimmed(String text, int start, int end) {
		while (end > start) {
			char last = text.charAt(end - 1);
			String link = text.substring(start, end);
			if (SENTENCE_END.indexOf(last) >= 0 || (last == ')' && unbalanced(link, '(', ')'))
					|| (last == ']' && unbalanced(link, '[', ']'))) {
				end--;
			}
			else {
				break;
			}
		}
		return end;
	}

	private static boolean unbalanced(String link, char open, char close) {
		long opened = link.chars().filter(c -> c == open).count();
		long closed = link.chars().filter(c -> c == close).count();
		return closed > opened;
	}
}
