package app.chorus.channels.network.mastodon;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Mastodon's pagination: the {@code Link} header names the page of newer items ({@code rel="prev"}, with
 * {@code min_id}) and of older ones ({@code rel="next"}, with {@code max_id}). Its ids are the ones to page with, which
 * are not always the items' own ids (conversations page by their last status).
 */
final class LinkHeader {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");

	private LinkHeader() {
	}

	/**
	 * The id to ask for newer items with: {@code min_id} of the {@code prev} link (or {@code since_id}, which servers
	 * before Mastodon 2.6 used); {@code null} when there is no such link, as on an empty page.
	 */
	static @Nullable String newerThan(List<String> linkHeaders) {
		for (String header : linkHeaders) {
			Matcher matcher = LINK.matcher(header);
			while (matcher.find()) {
				if (matcher.group(2).strip().equals("prev")) {
					String url = matcher.group(1);
					String minId = queryParameter(url, "min_id");
					return minId != null ? minId : queryParameter(url, "since_id");
				}
			}
		}
		return null;
	}

	private static @Nullable String queryParameter(String url, String name) {
		String query;
		try {
			query = URI.create(url).getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			int mark = url.indexOf('?');
			query = mark < 0 ? null : url.substring(mark + 1);
		}
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
				String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}
}
