package app.chorus.channels.network.mastodon;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectionRefused;

/**
 * What a person typed to name their server, reduced to the instance's base URL: {@code https://} unless another scheme
 * was given, host in lower case (IDN in ASCII), port kept, path, query and fragment dropped. A handle
 * ({@code @someone@example.social}) names its server too.
 */
final class InstanceUrl {

	static final String INVALID = "channel.connect.mastodon.invalid-url";

	private InstanceUrl() {
	}

	/** @throws ConnectionRefused naming {@code instanceUrl} when there is no usable host in the text */
	static String normalise(String typed) {
		String text = typed.strip();
		if (!text.contains("://")) {
			int at = text.lastIndexOf('@');
			if (at >= 0) {
				text = text.substring(at + 1);
			}
			text = "https://" + text;
		}
		int schemeEnd = text.indexOf("://");
		String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
		String rest = text.substring(schemeEnd + 3);
		int authorityEnd = rest.length();
		for (char end : new char[] { '/', '?', '#' }) {
			int index = rest.indexOf(end);
			if (index >= 0 && index < authorityEnd) {
				authorityEnd = index;
			}
		}
		String authority = rest.substring(0, authorityEnd);
		if (!(scheme.equals("https") || scheme.equals("http")) || authority.isEmpty() || authority.contains("@")) {
			throw invalid(typed);
		}
		try {
			URI uri = new URI(scheme + "://" + asciiAuthority(authority));
			String host = uri.getHost();
			if (host == null || host.isBlank()) {
				throw invalid(typed);
			}
			return new URI(scheme, null, host.toLowerCase(Locale.ROOT), uri.getPort(), null, null, null).toString();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw invalid(typed);
		}
	}

	/** Internationalised host names in their ASCII form; IPv6 literals and ports as they are. */
	private static String asciiAuthority(String authority) {
		if (authority.startsWith("[")) {
			return authority;
		}
		int colon = authority.lastIndexOf(':');
		String host = colon >= 0 ? authority.substring(0, colon) : authority;
		String port = colon >= 0 ? authority.substring(colon) : "";
		return IDN.toASCII(host) + port;
	}

	/** The host of a base URL, e.g. {@code mastodon.social}. */
	static String host(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host == null ? baseUrl : host;
	}

	/** The domain in the channel's handles: the part after {@code @} of its own handle, else the instance's host. */
	static String handleDomain(ChannelSession session) {
		String handle = session.handle();
		int at = handle.lastIndexOf('@');
		return at >= 0 && at < handle.length() - 1 ? handle.substring(at + 1) : host(session.endpoint());
	}

	private static ConnectionRefused invalid(String typed) {
		return new ConnectionRefused("instanceUrl", INVALID, "not a server address: " + typed);
	}
}
