package app.chorus.channels.network.linkpreview;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes character references in attribute values and titles: every numeric one ({@code &#233;}, {@code &#xE9;})
 * and the named ones pages use in card text — the XML five, Latin-1 ({@code &eacute;}), and typography
 * ({@code &mdash;}, {@code &rsquo;}, {@code &hellip;}). A name outside that set is left as written rather than
 * guessed; a reference must end with {@code ;}.
 */
final class HtmlEntities {

	private HtmlEntities() {
	}

	private static final Pattern REFERENCE = Pattern
		.compile("&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));");

	/** Latin-1 names in code point order from U+00A0 (HTML 4's ISO 8859-1 set). */
	private static final String[] LATIN_1 = { "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
			"uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute",
			"micro", "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
			"Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc",
			"Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde",
			"Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave",
			"aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml",
			"igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
			"divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml" };

	private static final Map<String, Integer> NAMED = named();

	private static Map<String, Integer> named() {
		Map<String, Integer> named = new HashMap<>();
		for (int i = 0; i < LATIN_1.length; i++) {
			named.put(LATIN_1[i], 0xA0 + i);
		}
		named.putAll(Map.of("amp", (int) '&', "lt", (int) '<', "gt", (int) '>', "quot", (int) '"', "apos",
				(int) '\''));
		named.putAll(Map.ofEntries(Map.entry("OElig", 0x152), Map.entry("oelig", 0x153), Map.entry("Scaron", 0x160),
				Map.entry("scaron", 0x161), Map.entry("Yuml", 0x178), Map.entry("fnof", 0x192),
				Map.entry("circ", 0x2C6), Map.entry("tilde", 0x2DC), Map.entry("ensp", 0x2002),
				Map.entry("emsp", 0x2003), Map.entry("thinsp", 0x2009), Map.entry("zwnj", 0x200C),
				Map.entry("zwj", 0x200D), Map.entry("lrm", 0x200E), Map.entry("rlm", 0x200F),
				Map.entry("ndash", 0x2013), Map.entry("mdash", 0x2014), Map.entry("lsquo", 0x2018),
				Map.entry("rsquo", 0x2019), Map.entry("sbquo", 0x201A), Map.entry("ldquo", 0x201C),
				Map.entry("rdquo", 0x201D), Map.entry("bdquo", 0x201E), Map.entry("dagger", 0x2020),
				Map.entry("Dagger", 0x2021), Map.entry("bull", 0x2022), Map.entry("hellip", 0x2026),
				Map.entry("permil", 0x2030), Map.entry("prime", 0x2032), Map.entry("Prime", 0x2033),
				Map.entry("lsaquo", 0x2039), Map.entry("rsaquo", 0x203A), Map.entry("euro", 0x20AC),
				Map.entry("trade", 0x2122), Map.entry("larr", 0x2190), Map.entry("rarr", 0x2192)));
		return Map.copyOf(named);
	}

	static String decode(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		Matcher reference = REFERENCE.matcher(text);
		StringBuilder decoded = new StringBuilder(text.length());
		while (reference.find()) {
			String replacement;
			if (reference.group(1) != null) {
				replacement = character(Integer.parseInt(reference.group(1)));
			}
			else if (reference.group(2) != null) {
				replacement = character(Integer.parseInt(reference.group(2), 16));
			}
			else {
				Integer codePoint = NAMED.get(reference.group(3));
				replacement = codePoint == null ? reference.group() : Character.toString(codePoint);
			}
			reference.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
		}
		reference.appendTail(decoded);
		return decoded.toString();
	}

	/** NUL, surrogates and numbers past Unicode become U+FFFD, as browsers do. */
	private static String character(int codePoint) {
		boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
				&& !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
		return Character.toString(valid ? codePoint : 0xFFFD);
	}
}
