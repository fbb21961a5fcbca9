package app.chorus.publishing.links;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import app.chorus.shared.web.ChorusException;

/**
 * The address a short link leads to. Only {@code http} and {@code https} are accepted: a short link to
 * {@code javascript:} or {@code file:} would hand readers something other than a web page. Addresses are stored as
 * plain ASCII (a redirect's {@code Location} header cannot carry anything else): characters a URI may not contain are
 * percent-encoded, escapes already present are kept, and a host in another script becomes its IDNA form.
 */
final class TargetUrl {

	/** The API field the address arrives in; every refusal names it. */
	static final String FIELD = "url";

	static final int MAX_LENGTH = 4096;

	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

	private static final Pattern HIERARCHICAL = Pattern.compile("^([A-Za-z]+)://([^/?#]*)(.*)$", Pattern.DOTALL);

	private static final Pattern HOST_AND_PORT = Pattern.compile("^([^:]+)(?::(\\d{1,5}))?$");

	private static final Pattern ASCII_HOST = Pattern
		.compile("^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$");

	/** What may stay as written in a path, query or fragment (RFC 3986 pchar, '/' and '?'); '%' is looked at apart. */
	private static final String KEPT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";

	private TargetUrl() {
	}

	/**
	 * The address in the form Chorus stores and redirects to.
	 * @throws ChorusException naming the field {@code url} when it is empty, too long, not {@code http(s)}, carries a
	 * user name or password, or has no valid host
	 */
	static String require(String raw) {
		String url = raw.strip();
		if (url.isEmpty()) {
			throw ChorusException.invalid(FIELD, "link.url.required");
		}
		if (url.length() > MAX_LENGTH) {
			throw ChorusException.invalid(FIELD, "link.url.too-long", MAX_LENGTH);
		}
		Matcher scheme = SCHEME.matcher(url);
		if (scheme.find()) {
			String name = scheme.group(1).toLowerCase(Locale.ROOT);
			if (!name.equals("http") && !name.equals("https")) {
				throw ChorusException.invalid(FIELD, "link.url.scheme", name);
			}
		}
		return normalized(url).orElseThrow(() -> ChorusException.invalid(FIELD, "link.url.invalid"));
	}

	/** The address normalised, or empty when it is not a usable {@code http(s)} address. */
	static Optional<String> normalized(String url) {
		Matcher parts = HIERARCHICAL.matcher(url);
		if (!parts.matches() || url.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String scheme = parts.group(1).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.empty();
		}
		Optional<String> authority = authority(parts.group(2));
		if (authority.isEmpty()) {
			return Optional.empty();
		}
		String normalized = scheme + "://" + authority.get() + escaped(parts.group(3));
		if (normalized.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		return Optional.of(normalized);
	}

	/**
	 * The address with the UTM parameters added at the end of its query. The query already there stays exactly as
	 * written, and so does the fragment; a UTM parameter the address already has (in any letter case) is kept and not
	 * added again: the person's own choice wins.
	 * @param url an address from {@link #require} or {@link #normalized}
	 */
	static String tagged(String url, Utm utm) {
		int hash = url.indexOf('#');
		String beforeFragment = hash < 0 ? url : url.substring(0, hash);
		String fragment = hash < 0 ? "" : url.substring(hash);
		int question = beforeFragment.indexOf('?');
		String query = question < 0 ? "" : beforeFragment.substring(question + 1);
		Set<String> present = parameterNames(query);

		UriComponentsBuilder added = UriComponentsBuilder.newInstance();
		Map<String, String> values = new LinkedHashMap<>();
		utm.parameters().forEach((name, value) -> {
			if (!present.contains(name)) {
				added.queryParam(name, "{" + name + "}");
				values.put(name, value);
			}
		});
		if (values.isEmpty()) {
			return url;
		}
		// Expanded variables are encoded strictly: '&', '=', '+' and '#' in a campaign cannot break the query.
		String addedQuery = added.encode().buildAndExpand(values).getQuery();
		String separator = question < 0 ? "?" : (query.isEmpty() || query.endsWith("&") ? "" : "&");
		return beforeFragment + separator + addedQuery + fragment;
	}

	private static Set<String> parameterNames(String query) {
		Set<String> names = new HashSet<>();
		if (query.isEmpty()) {
			return names;
		}
		UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet()
			.forEach(name -> names.add(UriUtils.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)));
		return names;
	}

	private static Optional<String> authority(String authority) {
		if (authority.contains("@")) {
			return Optional.empty(); // credentials in a link would be handed to every reader
		}
		Matcher hostAndPort = HOST_AND_PORT.matcher(authority);
		if (!hostAndPort.matches()) {
			return Optional.empty();
		}
		String host = hostAndPort.group(1);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		String ascii;
		try {
			ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException notAHostName) {
			return Optional.empty();
		}
		if (!ASCII_HOST.matcher(ascii).matches() || (!ascii.contains(".") && !ascii.equals("localhost"))) {
			return Optional.empty();
		}
		String port = hostAndPort.group(2);
		if (port != null && Integer.parseInt(port) > 65535) {
			return Optional.empty();
		}
		return Optional.of(port == null ? ascii : ascii + ":" + port);
	}

	/** Percent-encodes what a URI may not contain, keeping escapes already there; a second '#' is data, not syntax. */
	private static String escaped(String rest) {
		StringBuilder out = new StringBuilder(rest.length());
		boolean inFragment = false;
		for (int i = 0; i < rest.length();) {
			int c = rest.codePointAt(i);
			int next = i + Character.charCount(c);
			if (c == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2))) {
				out.append(rest, i, i + 3);
				next = i + 3;
			}
			else if (c == '#' && !inFragment) {
				inFragment = true;
				out.append('#');
			}
			else if (c < 128 && KEPT.indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
					out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
						.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
				}
			}
			i = next;
		}
		return out.toString();
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}
}
