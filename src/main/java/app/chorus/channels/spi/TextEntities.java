package app.chorus.channels.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a post's text that networks count specially: links, hashtags, and mentions of accounts on other
 * servers. An approximation of what the networks extract, kept simple on purpose: a link is {@code http(s)://} with a
 * dotted host, or (where a network shortens links written without a scheme, as X does) a {@code www.} address or a
 * host ending in a common generic top-level domain. Hosts written in non-Latin scripts are not recognised.
 */
final class TextEntities {

	/** The characters a link may contain (RFC 3986 unreserved, reserved and {@code %}). */
	private static final String LINK_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";

	private static final Pattern SCHEME_LINK = Pattern
		.compile("(?<![A-Za-z0-9])https?://" + LINK_CHARS + "+", Pattern.CASE_INSENSITIVE);

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	/** Generic top-level domains X shortens even without a scheme; ccTLDs are left out (file names like notes.md). */
	private static final String GENERIC_TLDS = "com|net|org|edu|gov|info|biz|io|co|ai|app|dev|me|tv|ly|xyz|online|site|blog|news|shop";

	private static final Pattern BARE_LINK = Pattern.compile("(?<![A-Za-z0-9@._/\\-])(?:www\\.(?:" + LABEL
			+ "\\.)+[A-Za-z]{2,}|(?:" + LABEL + "\\.)+(?:" + GENERIC_TLDS + "))(?![A-Za-z0-9\\-])(?::\\d{1,5})?(?:[/?#]"
			+ LINK_CHARS + "*)?", Pattern.CASE_INSENSITIVE);

	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_&/#＃])[#＃]([\\p{L}\\p{M}\\p{N}_]+)");

	private static final Pattern REMOTE_MENTION = Pattern
		.compile("(?<![A-Za-z0-9_/@])(@[A-Za-z0-9_](?:[A-Za-z0-9_.\\-]*[A-Za-z0-9_])?)@" + LABEL + "(?:\\." + LABEL + ")+");

	private TextEntities() {
	}

	/** A part of the text, {@code start} inclusive, {@code end} exclusive (UTF-16 indexes). */
	record Span(int start, int end) {
	}

	/** The links in the text, in order and not overlapping; {@code withoutScheme} also finds {@code example.com}. */
	static List<Span> links(String text, boolean withoutScheme) {
		List<Span> found = new ArrayList<>();
		collect(SCHEME_LINK, text, found);
		if (withoutScheme) {
			collect(BARE_LINK, text, found);
		}
		found.sort(Comparator.comparingInt(Span::start));
		List<Span> links = new ArrayList<>();
		int taken = 0;
		for (Span span : found) {
			if (span.start() >= taken) {
				links.add(span);
				taken = span.end();
			}
		}
		return links;
	}

	/** How many hashtags the text has, links left aside; a tag of digits only ({@code #1}) is not a hashtag. */
	static int hashtagCount(String text) {
		String withoutLinks = blankOut(text, links(text, true));
		Matcher matcher = HASHTAG.matcher(withoutLinks);
		int count = 0;
		while (matcher.find()) {
			if (matcher.group(1).codePoints().anyMatch(c -> !Character.isDigit(c) && c != '_')) {
				count++;
			}
		}
		return count;
	}

	/** Mentions of accounts on other servers shortened to the user part: {@code @ana@example.social} becomes {@code @ana}. */
	static String withShortMentions(String text) {
		return REMOTE_MENTION.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
	}

	private static void collect(Pattern pattern, String text, List<Span> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			int end = trimmedEnd(text, matcher.start(), matcher.end());
			if (end > matcher.start() && hasDottedHost(text.substring(matcher.start(), end))) {
				into.add(new Span(matcher.start(), end));
			}
		}
	}

	/** Punctuation that ends a sentence is not part of the link; a closing bracket is only when it closes one inside. */
	private static int trimmedEnd(String text, int start, int end) {
		while (end > start) {
			char last = text.charAt(end - 1);
			boolean unbalancedClose = (last == ')' && !text.substring(start, end - 1).contains("("))
					|| (last == ']' && !text.substring(start, end - 1).contains("["));
			if (".,;:!?'\"".indexOf(last) >= 0 || unbalancedClose) {
				end--;
			}
			else {
				break;
			}
		}
		return end;
	}

	private static boolean hasDottedHost(String link) {
		int hostStart = link.indexOf("://");
		String rest = hostStart >= 0 ? link.substring(hostStart + 3) : link;
		int hostEnd = 0;
		while (hostEnd < rest.length() && "/?#:".indexOf(rest.charAt(hostEnd)) < 0) {
			hostEnd++;
		}
		String host = rest.substring(0, hostEnd);
		return host.contains(".") && !host.startsWith(".") && !host.endsWith(".");
	}

	private static String blankOut(String text, List<Span> spans) {
		StringBuilder blanked = new StringBuilder(text);
		for (Span span : spans) {
			for (int i = span.start(); i < span.end(); i++) {
				blanked.setCharAt(i, ' ');
			}
		}
		return blanked.toString();
	}
}
