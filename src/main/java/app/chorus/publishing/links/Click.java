package app.chorus.publishing.links;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One visit to a short link, reduced to what is counted: the host of the page it came from and whether the visitor
 * looked like software rather than a person. The address and user agent of the visitor are read only to decide this
 * and are never kept.
 * @param referrerHost the referring page's host in lower case, or empty when none was sent or it was unreadable
 * @param bot whether the visitor named itself a crawler, link previewer or HTTP library, sent no user agent at all, or
 * only asked for the headers
 */
public record Click(String referrerHost, boolean bot) {

	private static final Pattern REFERRER_HOST = Pattern
		.compile("^[A-Za-z][A-Za-z0-9+.\\-]*://(?:[^/?#@]*@)?([A-Za-z0-9.\\-]{1,253})(?::\\d{1,5})?(?:[/?#].*)?$");

	/**
	 * Crawlers, link previews (the networks fetch every link in a post to draw its card: Mastodon servers, Bluesky's
	 * card service, Facebook, Slack, WhatsApp), monitors and HTTP libraries. Matched in lower case.
	 */
	private static final Pattern BOT = Pattern.compile("bot\\b|bot/|crawl|spider|slurp|preview|fetcher|scanner"
			+ "|monitor|headless|facebookexternalhit|meta-externalagent|embedly|iframely|cardyb|mastodon/|pleroma"
			+ "|akkoma|misskey|http\\.rb|whatsapp|^curl/|^wget/|python-|go-http-client|java-http-client|^java/"
			+ "|okhttp|axios/|node-fetch|undici|libwww|httpclient|^\\w+-?http");

	/** Telephones whose model name ends in "bot" and are people all the same. */
	private static final Pattern NOT_A_BOT = Pattern.compile("cubot");

	public static Click of(@Nullable String userAgent, @Nullable String referer, boolean headOnly) {
		return new Click(referrerHost(referer), headOnly || isBot(userAgent));
	}

	static boolean isBot(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return true;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		return BOT.matcher(NOT_A_BOT.matcher(agent).replaceAll("")).find();
	}

	static String referrerHost(@Nullable String referer) {
		if (referer == null) {
			return "";
		}
		Matcher matcher = REFERRER_HOST.matcher(referer.strip());
		if (!matcher.matches()) {
			return "";
		}
		String host = matcher.group(1).toLowerCase(Locale.ROOT);
		return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
	}
}
