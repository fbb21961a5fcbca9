package app.chorus.media.storage;

import java.util.regex.Pattern;

/** The shape every storage key must have, checked before any storage touches a file. */
public final class StorageKeys {

	static final int MAX_LENGTH = 512;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private StorageKeys() {
	}

	/**
	 * The key itself when it is well formed.
	 * @throws IllegalArgumentException for an empty or overlong key, an absolute one, an empty segment, or a segment
	 * that could climb out of the storage or hide a file ({@code ..}, {@code .x}, back slashes, any other character)
	 */
	public static String check(String key) {
		if (key.isEmpty() || key.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A storage key has 1 to " + MAX_LENGTH + " characters");
		}
		for (String segment : key.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches()) {
				throw new IllegalArgumentException("Not a valid storage key: " + printable(key));
			}
		}
		return key;
	}

	private static String printable(String key) {
		String shown = key.length() > 80 ? key.substring(0, 80) + "…" : key;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}
}
