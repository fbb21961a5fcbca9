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
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			if (!(scheme.equals("https") || scheme.equals("http")) || host == null || host.isBlank()
					|| uri.getRawUserInfo() != null) {
				throw invalid(typed);
			}
			String asciiHost = IDN.toASCII(host).toLowerCase(Locale.ROOT);
			return new URI(scheme, null, asciiHost, uri.getPort(), null, null, null).toString();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw invalid(typed);
		}
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
