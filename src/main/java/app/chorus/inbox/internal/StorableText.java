package app.chorus.inbox.internal;

import org.jspecify.annotations.Nullable;

/**
 * Text from a network, made storable while keeping it as received. PostgreSQL text cannot hold the NUL character, and
 * UTF-8 cannot encode a lone UTF-16 surrogate (what broken UTF-8 or a broken {@code \ud83d} escape decodes to); each
 * of those becomes U+FFFD, the replacement character. Everything else (markup, scripts, other control characters,
 * bidirectional overrides, any length) is kept exactly: it is escaped where it is shown, never cleaned where it is
 * stored.
 */
final class StorableText {

	private static final char REPLACEMENT = '\uFFFD';

	private StorableText() {
	}

	static String of(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			boolean bad = c == '\u0000' || Character.isSurrogate(c) && !pairedHigh;
			if (pairedHigh) {
				if (out != null) {
					out.append(c).append(text.charAt(i + 1));
				}
				i++;
				continue;
			}
			if (bad && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append(bad ? REPLACEMENT : c);
			}
		}
		return out == null ? text : out.toString();
	}

	static @Nullable String ofNullable(@Nullable String text) {
		return text == null ? null : of(text);
	}
}
