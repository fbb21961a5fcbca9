package app.chorus.inbox.web;

import org.springframework.stereotype.Component;

/**
 * Messages as the pages show them. Texts come exactly as the networks sent them; templates still escape them
 * ({@code th:text}), and this makes what escaping leaves invisible or misleading visible: control characters (but
 * line breaks and tabs) and direction overrides become U+FFFD. Templates call it as {@code ${@inboxText.shown(t)}}.
 */
@Component("inboxText")
public class InboxText {

	/** How much of a message the list shows, in characters. */
	static final int EXCERPT = 280;

	public String shown(String text) {
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			boolean hidden = (Character.isISOControl(c) && c != '\n' && c != '\t')
					|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
			shown.appendCodePoint(hidden ? 0xFFFD : c);
		});
		return shown.toString();
	}

	/** The start of the message, on one line, at most {@link #EXCERPT} characters and an ellipsis. */
	public String excerpt(String text) {
		String line = shown(text).replaceAll("\\s+", " ").strip();
		if (line.codePointCount(0, line.length()) <= EXCERPT) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, EXCERPT)) + "…";
	}
}
