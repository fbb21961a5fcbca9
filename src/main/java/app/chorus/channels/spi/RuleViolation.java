package app.chorus.channels.spi;

import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One broken rule, in terms a person can act on.
 *
 * <h2>Rendering it as a sentence</h2>
 * {@code rule} is a message key whose message takes four arguments:
 * <ol start="0">
 * <li>the network's name ({@link #networkName()}, a brand, never translated),</li>
 * <li>the actual value with its unit ("312 characters"),</li>
 * <li>the limit with its unit ("300 characters"),</li>
 * <li>the attachment's position, counting from 1, for a {@code media[i]} field ({@link #position()}).</li>
 * </ol>
 * When {@link #unit()} is set, {@code limit} and {@code actual} are bare numbers written the locale-neutral way (digits,
 * an optional {@code .} and decimals: {@code "300"}, {@code "8.01"}); {@code unit} is a message key that takes that
 * number as {@code {0}} and renders it with its unit word, so numbers and plurals follow the reader's language. When
 * {@code unit} is {@code null}, {@code limit} and {@code actual} are shown as they are: aspect ratios ({@code 0.56:1},
 * {@code 4:5–1.91:1}), MIME types, characters. {@link #messageArguments(BiFunction)} assembles the four arguments.
 * <p>
 * Sizes come in the unit that makes the network's limit a whole number: {@code KB}/{@code MB}/{@code GB} stand for
 * 1,024-multiples when the limit is one (Instagram's 8 MB is 8,388,608 bytes) and for 1,000-multiples otherwise
 * (Bluesky's 1 MB is 1,000,000 bytes). A value over a limit is rounded up, one under a minimum down, so the sentence
 * never reads "8 MB; Instagram allows 8 MB".
 *
 * @param field what is wrong: {@code text}, {@code media}, {@code media[2]} (counting from 0), {@code hashtags},
 * {@code options.title}
 * @param rule a message key naming the rule, e.g. {@code rule.text.too-long}
 * @param limit the network's limit ({@code "300"}, or as shown when {@code unit} is null)
 * @param actual what the post has ({@code "312"})
 * @param network which network's rule it is
 * @param unit a {@link RuleUnit} message key, or {@code null} when {@code limit} and {@code actual} need none
 */
public record RuleViolation(String field, String rule, String limit, String actual, NetworkKey network,
		@Nullable String unit) {

	private static final Pattern MEDIA_ITEM = Pattern.compile("media\\[(\\d+)]");

	/** A violation whose limit and actual value are shown as they are. */
	public RuleViolation(String field, String rule, String limit, String actual, NetworkKey network) {
		this(field, rule, limit, actual, network, null);
	}

	/** The network's brand name, the same in every language. */
	public String networkName() {
		return switch (network) {
			case BLUESKY -> "Bluesky";
			case MASTODON -> "Mastodon";
			case X -> "X";
			case FACEBOOK -> "Facebook";
			case INSTAGRAM -> "Instagram";
			case LINKEDIN -> "LinkedIn";
			case THREADS -> "Threads";
			case TIKTOK -> "TikTok";
			case YOUTUBE -> "YouTube";
		};
	}

	/** For a {@code media[i]} field, the attachment's position as people count (i + 1). */
	public OptionalInt position() {
		Matcher matcher = MEDIA_ITEM.matcher(field);
		return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1)) + 1) : OptionalInt.empty();
	}

	/**
	 * The arguments for {@code rule}'s message: network name, actual, limit, position (0 when there is none).
	 * @param unitRenderer renders a number in a unit: {@code (unitKey, number) -> "312 characters"}, typically
	 * {@code (key, n) -> messageSource.getMessage(key, new Object[] {n}, locale)}
	 */
	public Object[] messageArguments(BiFunction<String, BigDecimal, String> unitRenderer) {
		String unitKey = unit;
		String shownActual = unitKey == null ? actual : unitRenderer.apply(unitKey, new BigDecimal(actual));
		String shownLimit = unitKey == null ? limit : unitRenderer.apply(unitKey, new BigDecimal(limit));
		return new Object[] { networkName(), shownActual, shownLimit, position().orElse(0) };
	}
}
