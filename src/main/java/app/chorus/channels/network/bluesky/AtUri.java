package app.chorus.channels.network.bluesky;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An {@code at://<repo>/<collection>/<rkey>} URI: the address of one record. */
record AtUri(String repo, String collection, String rkey) {

	private static final Pattern SHAPE = Pattern.compile("at://([^/]+)/([^/]+)/([^/?#]+)");

	/** @throws IllegalArgumentException when the text is not the URI of a record */
	static AtUri parse(String uri) {
		Matcher matcher = SHAPE.matcher(uri);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not the AT URI of a record: " + uri);
		}
		return new AtUri(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	static AtUri of(String repo, String collection, String rkey) {
		return new AtUri(repo, collection, rkey);
	}

	@Override
	public String toString() {
		return "at://" + repo + "/" + collection + "/" + rkey;
	}
}
