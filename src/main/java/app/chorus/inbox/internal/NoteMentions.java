package app.chorus.inbox.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code @mentions} in a note. A mention is {@code @} followed by the local part of a member's e-mail
 * address ({@code @alice} for alice@example.com) or by the whole address ({@code @alice@example.com}, for when two
 * members share a local part). The {@code @} must not follow a letter, digit or dot, so an e-mail address written in
 * the text is not a mention; dots ending a sentence are not part of it. Matching is case-insensitive.
 */
final class NoteMentions {

	private static final Pattern MENTION = Pattern.compile(
			"(?<![\\p{L}\\p{N}._%+@-])@([\\p{L}\\p{N}._%+-]+(?:@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)?)");

	private NoteMentions() {
	}

	/** Each handle the text mentions, once, lower-cased, in the order first written. */
	static Set<String> handles(String text) {
		Set<String> handles = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			String handle = matcher.group(1).replaceAll("[.]+$", "");
			if (!handle.isEmpty()) {
				handles.add(handle.toLowerCase(Locale.ROOT));
			}
		}
		return handles;
	}

	/** The local part of an e-mail address, lower-cased: what {@code @handle} matches. */
	static String localPart(String email) {
		int at = email.lastIndexOf('@');
		return (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
	}
}
