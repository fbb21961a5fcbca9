package app.chorus.publishing.links;

import java.util.List;

/**
 * A post's text with its links replaced by short ones.
 * @param text the text to publish
 * @param links the short links in it, once each, in the order they first appear
 */
public record RewrittenText(String text, List<ShortLink> links) {

	public RewrittenText {
		links = List.copyOf(links);
	}
}
