package app.chorus.inbox.saved;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The variables a saved reply may hold, and filling them in. A variable is a name in braces ({@code {first_name}});
 * braces around anything that is not a name ({@code {:-)}}) are plain text.
 */
public final class ReplyTemplate {

	/** The variables, in the order the documentation lists them. */
	public static final List<String> VARIABLES = List.of("first_name", "name", "handle", "channel", "agent");
	private static final Pattern VARIABLE = Pattern.compile("\\{([\\p{L}\\p{N}_]+)}");

	private ReplyTemplate() {
	}

	/** The variables the text names that Chorus does not know, each once, in the order they appear. */
	public static List<String> unknown(String text) {
		List<String> unknown = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!VARIABLES.contains(name) && !unknown.contains(name)) {
				unknown.add(name);
			}
		}
		return unknown;
	}

	/**
	 * What the variables stand for in one conversation.
	 * @param displayName the other person's display name, if the network gave one
	 * @param handle their handle, without {@code @}
	 * @param channel the channel's display name
	 * @param agent who replies: a member's display name, or their e-mail address
	 */
	public record Values(@Nullable String displayName, String handle, String channel, String agent) {

		Map<String, String> asMap() {
			String name = displayName == null || displayName.isBlank() ? handle : displayName.strip();
			String firstName = displayName == null || displayName.isBlank() ? handle
					: displayName.strip().split("\\s+", 2)[0];
			String at = handle.startsWith("@") ? handle : "@" + handle;
			return Map.of("first_name", firstName, "name", name, "handle", at, "channel", channel,
					"agent", agent);
		}
	}

	/** The text with every known variable filled in; anything else is left as written. */
	public static String render(String text, Values values) {
		Map<String, String> map = values.asMap();
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder rendered = new StringBuilder();
		while (matcher.find()) {
			String value = map.get(matcher.group(1));
			matcher.appendReplacement(rendered, Matcher.quoteReplacement(value != null ? value : matcher.group()));
		}
		matcher.appendTail(rendered);
		return rendered.toString();
	}
}
