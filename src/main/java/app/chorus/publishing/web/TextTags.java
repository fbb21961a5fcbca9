package app.chorus.publishing.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hashtags and @mentions a person wrote, for the composer's helper line. A reading aid, not a rule: what a network
 * counts is decided by its rules ({@code rule.hashtags.too-many}), which may see a few more or fewer.
 */
final class TextTags {

	/** {@code #word} not glued to a word, link path or another tag; full-width {@code ＃} too. */
	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_&/#＃])[#＃]([\\p{L}\\p{M}\\p{N}_]+)");

	/** {@code @name}, {@code @handle.bsky.social}, {@code @user@server.example}; not the middle of an e-mail address. */
	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_/@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.\\-]*"
			+ "[A-Za-z0-9_])?(?:@[A-Za-z0-9](?:[A-Za-z0-9.\\-]*[A-Za-z0-9])?)?)");

	private TextTags() {
	}

	/** Each hashtag once, in the order written ({@code #spring}); a tag of digits only ({@code #1}) is not one. */
	static List<String> hashtags(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = HASHTAG.matcher(text);
		while (matcher.find()) {
			String tag = matcher.group(1);
			if (tag.codePoints().anyMatch(c -> !Character.isDigit(c) && c != '_')) {
				found.add("#" + tag);
			}
		}
		return List.copyOf(found);
	}

	/** Each mention once, in the order written ({@code @ana.bsky.social}). */
	static List<String> mentions(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			found.add("@" + matcher.group(1));
		}
		return List.copyOf(found);
	}
}
