package app.chorus.channels.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits on one text field of a post (the text itself, or a title), as data.
 * @param counting how the network measures the length
 * @param maxLength the most it allows, in {@code counting}'s unit
 * @param maxUtf8Bytes a second limit in UTF-8 bytes, or {@link #UNLIMITED}
 * @param maxHashtags the most hashtags, or {@link #UNLIMITED}
 * @param forbiddenCharacters characters the network refuses in this field (none when empty)
 * @param countedOptions variant options whose text counts together with this field (Mastodon's {@code spoilerText})
 */
public record TextRules(TextCounting counting, int maxLength, int maxUtf8Bytes, int maxHashtags,
		String forbiddenCharacters, List<String> countedOptions) {

	public static final int UNLIMITED = Integer.MAX_VALUE;

	public TextRules {
		if (maxLength < 0 || maxUtf8Bytes < 0 || maxHashtags < 0) {
			throw new IllegalArgumentException("limits must not be negative");
		}
		countedOptions = List.copyOf(countedOptions);
	}

	/** A length limit and nothing else. */
	public static TextRules of(TextCounting counting, int maxLength) {
		return new TextRules(counting, maxLength, UNLIMITED, UNLIMITED, "", List.of());
	}

	public TextRules withMaxUtf8Bytes(int bytes) {
		return new TextRules(counting, maxLength, bytes, maxHashtags, forbiddenCharacters, countedOptions);
	}

	public TextRules withMaxHashtags(int hashtags) {
		return new TextRules(counting, maxLength, maxUtf8Bytes, hashtags, forbiddenCharacters, countedOptions);
	}

	public TextRules withForbiddenCharacters(String characters) {
		return new TextRules(counting, maxLength, maxUtf8Bytes, maxHashtags, characters, countedOptions);
	}

	public TextRules withCountedOptions(String... options) {
		return new TextRules(counting, maxLength, maxUtf8Bytes, maxHashtags, forbiddenCharacters, List.of(options));
	}

	/** The length of {@code text} against {@link #maxLength()}. */
	public TextCount count(String text) {
		return new TextCount(counting.count(text), maxLength, counting.unit().key());
	}

	/** Every limit measured for {@code text}: the length, and the UTF-8 bytes where those are limited too. */
	public List<TextCount> counts(String text) {
		List<TextCount> counts = new ArrayList<>();
		counts.add(count(text));
		if (maxUtf8Bytes != UNLIMITED) {
			counts.add(new TextCount(UnicodeText.utf8Length(text), maxUtf8Bytes, RuleUnit.BYTES.key()));
		}
		return counts;
	}

	/**
	 * Every limit {@code text} breaks.
	 * @param field the field named in the violations ({@code text}, {@code options.title})
	 * @param rulePrefix the message key prefix ({@code rule.text}, {@code rule.title})
	 * @param options the variant's options, for {@link #countedOptions()}
	 */
	List<RuleViolation> check(NetworkKey network, String field, String rulePrefix, String text,
			Map<String, String> options) {
		List<RuleViolation> violations = new ArrayList<>();
		int length = counting.count(text);
		int bytes = UnicodeText.utf8Length(text);
		for (String option : countedOptions) {
			String value = options.getOrDefault(option, "");
			length += counting.count(value);
			bytes += UnicodeText.utf8Length(value);
		}
		if (length > maxLength) {
			violations.add(new RuleViolation(field, rulePrefix + ".too-long", Integer.toString(maxLength),
					Integer.toString(length), network, counting.unit().key()));
		}
		if (bytes > maxUtf8Bytes) {
			violations.add(new RuleViolation(field, rulePrefix + ".too-many-bytes", Integer.toString(maxUtf8Bytes),
					Integer.toString(bytes), network, RuleUnit.BYTES.key()));
		}
		Set<String> forbidden = forbiddenIn(text);
		if (!forbidden.isEmpty()) {
			violations.add(new RuleViolation(field, rulePrefix + ".forbidden-characters",
					forbiddenCharacters.codePoints().mapToObj(Character::toString).collect(Collectors.joining(" ")),
					String.join(" ", forbidden), network, null));
		}
		if (maxHashtags != UNLIMITED) {
			int hashtags = TextEntities.hashtagCount(text);
			if (hashtags > maxHashtags) {
				violations.add(new RuleViolation("hashtags", "rule.hashtags.too-many", Integer.toString(maxHashtags),
						Integer.toString(hashtags), network, RuleUnit.HASHTAGS.key()));
			}
		}
		return violations;
	}

	private Set<String> forbiddenIn(String text) {
		Set<String> found = new LinkedHashSet<>();
		text.codePoints()
			.filter(c -> forbiddenCharacters.indexOf(c) >= 0)
			.forEach(c -> found.add(Character.toString(c)));
		return found;
	}
}
