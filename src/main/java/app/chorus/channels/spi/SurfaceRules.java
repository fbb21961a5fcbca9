package app.chorus.channels.spi;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rules of one surface, as data: its text, an optional title, its attachments, and the documentation each limit
 * comes from.
 * @param text the limits on the variant's text
 * @param title the limits on {@code options.title} where the surface has a title (YouTube), else {@code null}
 * @param media what attachments the surface accepts
 * @param requiresContent whether a post needs text or an attachment (a post with neither is refused)
 * @param sources the documentation the limits come from
 */
public record SurfaceRules(Surface surface, TextRules text, @Nullable TextRules title, MediaRules media,
		boolean requiresContent, List<String> sources) {

	/** The option a variant carries its title in. */
	public static final String TITLE_OPTION = "title";

	public SurfaceRules {
		sources = List.copyOf(sources);
	}

	/** A length limit in code points and no checks on attachments: for a surface whose rules are not known yet. */
	public SurfaceRules(Surface surface, int maxTextLength, List<String> sources) {
		this(surface, TextRules.of(TextCounting.CODE_POINTS, maxTextLength), null, MediaRules.UNCHECKED, false,
				sources);
	}

	public int maxTextLength() {
		return text.maxLength();
	}

	/** The text's length against the limit, counted the network's way; for the composer's live counter. */
	public TextCount count(String text) {
		return this.text.count(text);
	}

	/** Every limit measured for the text (Bluesky: graphemes and UTF-8 bytes). */
	public List<TextCount> counts(String text) {
		return this.text.counts(text);
	}

	/** Every rule the variant breaks, not only the first; empty when it may be published. */
	public List<RuleViolation> check(NetworkKey network, PostVariant variant) {
		List<RuleViolation> violations = new ArrayList<>(
				text.check(network, "text", "rule.text", variant.text(), variant.options()));
		String titleText = variant.options().get(TITLE_OPTION);
		if (title != null && titleText != null) {
			violations.addAll(title.check(network, "options." + TITLE_OPTION, "rule.title", titleText, variant.options()));
		}
		if (requiresContent && !media.required() && variant.text().isBlank() && variant.media().isEmpty()) {
			violations.add(new RuleViolation("text", "rule.post.empty", "1", "0", network));
		}
		violations.addAll(media.check(network, variant.media()));
		return violations;
	}
}
