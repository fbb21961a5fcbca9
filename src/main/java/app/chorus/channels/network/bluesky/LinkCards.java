package app.chorus.channels.network.bluesky;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.chorus.channels.network.bluesky.Lexicon.External;
import app.chorus.channels.network.bluesky.Lexicon.ExternalLink;
import app.chorus.channels.network.bluesky.Lexicon.UploadedBlob;
import app.chorus.channels.network.linkpreview.LinkPreview;
import app.chorus.channels.network.linkpreview.LinkPreview.Preview;
import app.chorus.channels.spi.ChannelSession;
import tools.jackson.databind.JsonNode;

/**
 * The card of a post with a link ({@code app.bsky.embed.external}). Bluesky does not make cards itself: the client
 * that writes the post reads the page and uploads the thumbnail, as the Bluesky app does.
 * <ul>
 * <li>Title and description: what the person wrote in the options {@code linkTitle} and {@code linkDescription} wins
 * (a blank value counts as not written); otherwise the page's own ({@link LinkPreview}); otherwise the link itself as
 * the title and no description, so a page that cannot be read still gives a card.</li>
 * <li>Thumbnail: the page's card image, uploaded as a blob. The lexicon takes at most 1,000,000 bytes
 * ({@code app.bsky.embed.external#external}, {@code thumb}: blob, {@code accept image/*}, {@code maxSize 1000000}),
 * which is {@link LinkPreview#MAX_IMAGE_BYTES}; a larger image, or one the PDS refuses, leaves the card without a
 * thumbnail rather than failing the post.</li>
 * </ul>
 */
final class LinkCards {

	static final String LINK_TITLE = "linkTitle";
	static final String LINK_DESCRIPTION = "linkDescription";

	private static final Logger log = LoggerFactory.getLogger(LinkCards.class);

	private final Xrpc xrpc;
	private final LinkPreview linkPreview;

	LinkCards(Xrpc xrpc, LinkPreview linkPreview) {
		this.xrpc = xrpc;
		this.linkPreview = linkPreview;
	}

	/** @throws XrpcException when uploading the thumbnail fails other than by the PDS refusing the image */
	External card(ChannelSession session, String link, Map<String, String> options) {
		Optional<Preview> page = linkPreview.fetch(link);
		String title = written(options, LINK_TITLE)
			.orElseGet(() -> page.map(Preview::title).filter(text -> !text.isBlank()).orElse(link));
		String description = written(options, LINK_DESCRIPTION).orElseGet(() -> page.map(Preview::description)
			.orElse(""));
		JsonNode thumb = page.map(Preview::image).flatMap(linkPreview::image)
			.map(image -> upload(session, image, link)).orElse(null);
		return new External(new ExternalLink(link, title, description, thumb));
	}

	private static Optional<String> written(Map<String, String> options, String option) {
		return Optional.ofNullable(options.get(option)).filter(text -> !text.isBlank());
	}

	private @Nullable JsonNode upload(ChannelSession session, LinkPreview.Image image, String link) {
		try {
			return xrpc.upload(session.endpoint(), "com.atproto.repo.uploadBlob", image.mimeType(), image.bytes(),
					session.credentials().accessToken(), UploadedBlob.class).blob();
		}
		catch (XrpcException failure) {
			if (!failure.contentRefused()) {
				throw failure;
			}
			log.info("The card for {} goes without its thumbnail, which the PDS refused: {}", link,
					failure.getMessage());
			return null;
		}
	}
}
