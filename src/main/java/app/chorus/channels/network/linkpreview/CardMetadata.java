package app.chorus.channels.network.linkpreview;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself for cards, read from the {@code <head>} of its HTML. Each field takes the first
 * non-blank source of Open Graph, Twitter card and plain HTML ({@code <title>}, {@code <meta name="description">}).
 * <p>
 * Card metadata is a handful of flat {@code <meta>} tags, so a scan of the head does: comments, scripts and styles are
 * cut out first (so that a {@code <meta>} written inside them is not taken), then {@code <meta>} attributes are read
 * whether quoted with {@code "}, {@code '} or not at all. Nothing past {@code </head>} is read. A full HTML parser
 * would also mend broken markup, which cards do not need.
 *
 * @param title empty when the page names none
 * @param description empty when the page has none
 * @param image absolute http(s) address of the card image, when the page names one
 */
record CardMetadata(String title, String description, @Nullable URI image) {

	/** Card-sized text: long enough for any real card, short enough that no page can swell a post. */
	static final int MAX_TITLE = 300;
	static final int MAX_DESCRIPTION = 1000;

	private static final List<String> TITLES = List.of("og:title", "twitter:title");
	private static final List<String> DESCRIPTIONS = List.of("og:description", "twitter:description", "description");
	private static final List<String> IMAGES = List.of("og:image", "og:image:url", "og:image:secure_url",
			"twitter:image", "twitter:image:src");

	private static final int CHARSET_SNIFF_BYTES = 4096;
	private static final Pattern CHARSET_META = Pattern
		.compile("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);
	// an unclosed comment or script (the page was cut at the size limit) runs to the end
	private static final Pattern NOT_MARKUP = Pattern.compile(
			"<!--.*?(?:-->|\\z)|<(script|style|template|noscript)\\b.*?(?:</\\1\\s*>|\\z)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern TITLE = Pattern.compile("<title\\b[^>]*>(.*?)</title\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern TAG_START = Pattern.compile("<(meta|base)\\b", Pattern.CASE_INSENSITIVE);
	private static final Pattern ATTRIBUTE = Pattern
		.compile("([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * @param html the page's bytes, perhaps cut short
	 * @param declared the charset the Content-Type header named, if any
	 * @param page where the page was read from, for relative image addresses
	 */
	static CardMetadata read(byte[] html, @Nullable Charset declared, URI page) {
		String text = decode(html, declared);
		Matcher headEnd = HEAD_END.matcher(text);
		String head = NOT_MARKUP.matcher(headEnd.find() ? text.substring(0, headEnd.start()) : text).replaceAll(" ");

		Map<String, String> meta = new HashMap<>();
		@Nullable URI base = null;
		Matcher tag = TAG_START.matcher(head);
		int from = 0;
		while (tag.find(from)) {
			int end = tagEnd(head, tag.end());
			if (end < 0) {
				break;
			}
			from = end + 1;
			Map<String, String> attributes = attributes(head.substring(tag.end(), end));
			if (tag.group(1).equalsIgnoreCase("base")) {
				String href = attributes.get("href");
				if (href != null && base == null) {
					base = resolve(page, href).orElse(null);
				}
				continue;
			}
			String content = attributes.get("content");
			if (content == null) {
				continue;
			}
			// Open Graph says property=, Twitter says name=; pages mix them up, so either names the tag
			for (String key : new String[] { attributes.get("property"), attributes.get("name") }) {
				if (key != null) {
					meta.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
				}
			}
		}
		Matcher title = TITLE.matcher(head);
		String htmlTitle = title.find() ? title.group(1) : "";

		String cardTitle = first(meta, TITLES).orElseGet(() -> text(htmlTitle));
		String description = first(meta, DESCRIPTIONS).orElse("");
		URI finalBase = base == null ? page : base;
		URI image = first(meta, IMAGES).flatMap(address -> resolve(finalBase, address))
			.filter(CardMetadata::isHttp)
			.orElse(null);
		return new CardMetadata(cut(cardTitle, MAX_TITLE), cut(description, MAX_DESCRIPTION), image);
	}

	/** A byte order mark wins, then the header, then {@code <meta charset>}; UTF-8 when none says. */
	private static String decode(byte[] html, @Nullable Charset declared) {
		if (html.length >= 3 && (html[0] & 0xff) == 0xEF && (html[1] & 0xff) == 0xBB && (html[2] & 0xff) == 0xBF) {
			return new String(html, 3, html.length - 3, StandardCharsets.UTF_8);
		}
		if (html.length >= 2 && (html[0] & 0xff) == 0xFE && (html[1] & 0xff) == 0xFF) {
			return new String(html, 2, html.length - 2, StandardCharsets.UTF_16BE);
		}
		if (html.length >= 2 && (html[0] & 0xff) == 0xFF && (html[1] & 0xff) == 0xFE) {
			return new String(html, 2, html.length - 2, StandardCharsets.UTF_16LE);
		}
		Charset charset = declared != null ? declared : sniffed(html);
		return new String(html, charset);
	}

	private static Charset sniffed(byte[] html) {
		// ISO-8859-1 keeps every byte as one char, so an ASCII declaration reads the same in any ASCII-based charset
		String start = new String(html, 0, Math.min(html.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
		Matcher meta = CHARSET_META.matcher(start);
		if (meta.find()) {
			Charset named = charset(meta.group(1));
			// a page that was read as ASCII cannot really be UTF-16, whatever it says (the HTML standard's rule)
			if (named != null && !named.name().startsWith("UTF-16")) {
				return named;
			}
		}
		return StandardCharsets.UTF_8;
	}

	/** The charset by name, or null when Java does not know it. */
	static @Nullable Charset charset(String name) {
		try {
			return Charset.forName(name.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
			return null;
		}
	}

	/**
	 * Where the tag that starts before {@code from} ends: the first {@code >} outside a quoted value, or -1 when the
	 * page was cut inside the tag. A scan rather than a regular expression, whose repetition would recurse once per
	 * character of a long tag.
	 */
	private static int tagEnd(String html, int from) {
		char quote = 0;
		char previous = ' ';
		for (int i = from; i < html.length(); i++) {
			char c = html.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '"' || c == '\'') && previous == '=') {
				quote = c;
			}
			else if (c == '>') {
				return i;
			}
			if (!Character.isWhitespace(c)) {
				previous = c;
			}
		}
		return -1;
	}

	private static Map<String, String> attributes(String source) {
		Map<String, String> attributes = new HashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(source);
		while (attribute.find()) {
			String value = attribute.group(2) != null ? attribute.group(2)
					: attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
			attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
		}
		return attributes;
	}

	private static Optional<String> first(Map<String, String> meta, List<String> keys) {
		return keys.stream().map(meta::get).filter(value -> value != null).map(CardMetadata::text)
			.filter(value -> !value.isEmpty()).findFirst();
	}

	/** Entities decoded, runs of white space made one space, trimmed. */
	private static String text(String raw) {
		return WHITESPACE.matcher(HtmlEntities.decode(raw)).replaceAll(" ").strip();
	}

	private static String cut(String text, int maxChars) {
		if (text.length() <= maxChars) {
			return text;
		}
		int end = maxChars - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end).stripTrailing() + "…";
	}

	private static Optional<URI> resolve(URI base, String address) {
		String decoded = HtmlEntities.decode(address).strip().replace(" ", "%20");
		try {
			URI reference = new URI(decoded);
			URI from = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
			return Optional.of(from.resolve(reference));
		}
		catch (URISyntaxException | IllegalArgumentException unusable) {
			// a malformed address is as good as none: the card goes without that image
			return Optional.empty();
		}
	}

	static boolean isHttp(URI uri) {
		String scheme = uri.getScheme();
		return uri.getHost() != null && scheme != null
				&& (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
	}
}
