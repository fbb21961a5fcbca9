package app.chorus.channels.network.mastodon;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.RuleViolation;

/**
 * The rules a Mastodon post can break, as {@link RuleViolation}s. When the instance refuses a status (HTTP 422) its
 * message ("Validation failed: Text character limit of 500 exceeded") is the only account of why: it is passed on
 * whole as {@code actual}, and only to say which part of the post to look at is it read for a few words.
 */
final class MastodonRejections {

	/** The instance refused the post; {@code actual} holds its message. */
	static final String REFUSED = "rule.network.refused";
	/** The post answered or quoted no longer exists, or is not visible to the account. */
	static final String TARGET_GONE = "rule.network.target-gone";
	/** A Mastodon option has a value Mastodon does not know ({@code limit} lists the known ones). */
	static final String OPTION_INVALID = "rule.option.invalid";
	/** A poll needs its duration ({@code pollExpiresIn}, seconds). */
	static final String POLL_EXPIRY_MISSING = "rule.poll.expiry-missing";
	/** The instance does not offer quote posts (before Mastodon 4.5). */
	static final String QUOTE_UNSUPPORTED = "rule.quote.unsupported";

	private MastodonRejections() {
	}

	static RuleViolation violation(String field, String rule, String limit, String actual) {
		return new RuleViolation(field, rule, limit, actual, NetworkKey.MASTODON);
	}

	/** The instance's refusal of a status, pointed at the part of the post it is about. */
	static List<RuleViolation> refusedStatus(String message, Map<String, String> settings) {
		String field = fieldOf(message);
		String limit = field.equals("text") ? Integer.toString(InstanceSettings.maxCharacters(settings)) : "";
		return List.of(violation(field, REFUSED, limit, message));
	}

	/** The instance's refusal of one attachment ({@code media[index]}). */
	static List<RuleViolation> refusedMedia(int index, String message) {
		return List.of(violation("media[" + index + "]", REFUSED, "", message));
	}

	private static String fieldOf(String message) {
		String text = message.toLowerCase(Locale.ROOT);
		if (text.contains("poll")) {
			return "poll";
		}
		if (text.contains("media") || text.contains("attachment") || text.contains("file")) {
			return "media";
		}
		if (text.contains("quote")) {
			return "quoteOf";
		}
		if (text.contains("character") || text.contains("text")) {
			return "text";
		}
		return "post";
	}
}
