package app.chorus.channels.network.mastodon;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Status and profile HTML to plain text. Mastodon sends sanitised HTML with few tags ({@code p}, {@code br},
 * {@code span}, {@code a}, and lists, quotes and code from other servers), so tags are dropped rather than parsed:
 * line breaks and paragraph ends become newlines, the {@code quote-inline} fallback paragraph of quote posts is
 * removed, and character references are decoded. The result is text, never markup: whoever shows it escapes it.
 */
final class StatusHtml {

	private static final Pattern QUOTE_FALLBACK = Pattern.compile(
			"<p\\s+class=\"quote-inline\"[^>]*>.*?</p>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
	private static final Pattern BLOCK_END = Pattern.compile(
			"</(p|blockquote|pre|h[1-6]|ul|ol)>\\s*", Pattern.CASE_INSENSITIVE);
	private static final Pattern ITEM_END = Pattern.compile("</li>\\s*", Pattern.CASE_INSENSITIVE);
	private static final Pattern TAG = Pattern.compile("<[^>]*>");
	private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
	private static final Pattern EXTRA_BLANK_LINES = Pattern.compile("\n{3,}");

	private StatusHtml() {
	}

	static String toPlainText(@Nullable String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		String text = QUOTE_FALLBACK.matcher(html).replaceAll("");
		text = LINE_BREAK.matcher(text).replaceAll("\n");
		text = ITEM_END.matcher(text).replaceAll("\n");
		text = BLOCK_END.matcher(text).replaceAll("\n\n");
		text = TAG.matcher(text).replaceAll("");
		text = decode(text);
		text = EXTRA_BLANK_LINES.matcher(text).replaceAll("\n\n");
		return text.strip();
	}

	private static String decode(String text) {
		Matcher matcher = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String character(String reference, String whole) {
		if (reference.startsWith("#")) {
			boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
			int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
			return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : "\uFFFD";
		}
		return switch (reference) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "nbsp" -> "\u00A0";
			default -> whole;
		};
	}
}
