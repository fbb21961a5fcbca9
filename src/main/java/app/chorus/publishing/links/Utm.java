package app.chorus.publishing.links;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.spi.NetworkKey;

/**
 * The UTM parameters added to a link's target, so the site it leads to can tell where a visitor came from. Values are
 * kept as written (trimmed); encoding happens when they are added to an address.
 * @param source {@code utm_source}, never blank: the network key for links in posts ({@code bluesky})
 * @param medium {@code utm_medium}, never blank: {@code social} for links in posts
 * @param campaign {@code utm_campaign}; blank when the link belongs to no campaign, and then not added
 * @param term {@code utm_term}, or {@code null}
 * @param content {@code utm_content}, or {@code null}
 */
public record Utm(String source, String medium, String campaign, @Nullable String term, @Nullable String content) {

	/** The medium of every link Chorus puts into a post. */
	public static final String SOCIAL = "social";

	private static final int MAX_SLUG = 100;

	public Utm {
		source = source.strip();
		medium = medium.strip();
		campaign = campaign.strip();
		term = term == null || term.isBlank() ? null : term.strip();
		content = content == null || content.isBlank() ? null : content.strip();
		if (source.isEmpty() || medium.isEmpty()) {
			throw new IllegalArgumentException("utm_source and utm_medium must not be blank");
		}
	}

	/**
	 * The parameters for a link in a post on {@code network}: source the network key, medium {@code social}, campaign
	 * the slug of {@code campaignName} (see {@link #campaignSlug}).
	 */
	public static Utm forNetwork(NetworkKey network, String campaignName) {
		return new Utm(network.key(), SOCIAL, campaignSlug(campaignName), null, null);
	}

	/**
	 * A campaign name as an analytics-friendly value: lower case, runs of anything but letters and digits (in any
	 * script) turned into one hyphen, at most 100 characters. "Spring Sale 2025!" becomes {@code spring-sale-2025},
	 * "봄 세일" {@code 봄-세일}; a name of punctuation only becomes empty.
	 */
	public static String campaignSlug(String campaignName) {
		String normalized = Normalizer.normalize(campaignName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder();
		boolean hyphen = false;
		for (int i = 0; i < normalized.length();) {
			int c = normalized.codePointAt(i);
			i += Character.charCount(c);
			int type = Character.getType(c);
			// combining marks belong to their letter: Devanagari vowel signs and viramas must stay
			boolean word = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
					|| type == Character.COMBINING_SPACING_MARK;
			if (word) {
				if (hyphen && !slug.isEmpty()) {
					slug.append('-');
				}
				hyphen = false;
				slug.appendCodePoint(c);
			}
			else {
				hyphen = true;
			}
			if (slug.length() >= MAX_SLUG) {
				break;
			}
		}
		return slug.toString();
	}

	/** The parameters to add, by name, in the usual order; blank ones left out. */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("utm_source", source);
		parameters.put("utm_medium", medium);
		if (!campaign.isEmpty()) {
			parameters.put("utm_campaign", campaign);
		}
		if (term != null) {
			parameters.put("utm_term", term);
		}
		if (content != null) {
			parameters.put("utm_content", content);
		}
		return parameters;
	}
}
