package app.chorus.channels.network.bluesky;

import static app.chorus.channels.network.bluesky.BlueskyStubs.DID;
import static app.chorus.channels.network.bluesky.BlueskyStubs.json;
import static app.chorus.channels.network.bluesky.BlueskyStubs.xrpcError;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.PublishResult.Published;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.Surface;
import tools.jackson.databind.JsonNode;

/**
 * Link cards: the linked page (served by WireMock beside the PDS) gives the card its title, description and
 * thumbnail, which is uploaded with com.atproto.repo.uploadBlob.
 */
class BlueskyLinkCardTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	private static final String UPLOAD = "/xrpc/com.atproto.repo.uploadBlob";
	private static final String PAGE = "/articles/launch";
	private static final String THUMB_CID = "bafkreithumbnail";
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
			'D', 'R' };

	private final BlueskyNetwork bluesky = BlueskyStubs.network(server);
	private final ChannelSession session = BlueskyStubs.session(server);
	private final String key = UUID.randomUUID().toString();
	private final String link = server.baseUrl() + PAGE;

	private void recordIsCreated() {
		String rkey = RecordKeys.fromIdempotencyKey(key);
		server.stubFor(post(CREATE).willReturn(json(Map.of("uri", "at://" + DID + "/app.bsky.feed.post/" + rkey,
				"cid", "bafyreipostcid", "commit", Map.of("cid", "bafyreicommit", "rev", "3lcommitrev22"),
				"validationStatus", "valid"))));
	}

	private void thePageHasACard() {
		server.stubFor(get(PAGE).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
					<!doctype html><html><head>
					<title>Launch | Chorus blog</title>
					<meta property="og:title" content="Chorus 1.0 is here">
					<meta property="og:description"
					      content="Plan, publish and answer on every network &mdash; from your own server.">
					<meta property="og:image" content="/img/launch-card.png">
					</head><body></body></html>
					""")));
		server.stubFor(get("/img/launch-card.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(PNG)));
	}

	private void blobsAreStored() {
		server.stubFor(post(UPLOAD).willReturn(json(Map.of("blob",
				Map.of("$type", "blob", "ref", Map.of("$link", THUMB_CID), "mimeType", "image/png", "size",
						PNG.length)))));
	}

	private PostVariant withLink(Map<String, String> options) {
		return new PostVariant(Surface.BLUESKY_POST, "We launched!", List.of(), null, null, link, "en", options);
	}

	private JsonNode writtenEmbed() {
		List<LoggedRequest> writes = server.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(1);
		return BlueskyStubs.body(writes.get(0)).path("record").path("embed");
	}

	@Test
	void aLinkGetsACardWithThePagesTitleDescriptionAndThumbnail() {
		recordIsCreated();
		thePageHasACard();
		blobsAreStored();

		PublishResult result = bluesky.publish(session, withLink(Map.of()), key);

		assertThat(result).isInstanceOf(Published.class);
		JsonNode embed = writtenEmbed();
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.external");
		JsonNode external = embed.path("external");
		assertThat(external.path("uri").asString()).isEqualTo(link);
		assertThat(external.path("title").asString()).isEqualTo("Chorus 1.0 is here");
		assertThat(external.path("description").asString())
			.isEqualTo("Plan, publish and answer on every network — from your own server.");
		assertThat(external.path("thumb").path("$type").asString()).isEqualTo("blob");
		assertThat(external.path("thumb").path("ref").path("$link").asString()).isEqualTo(THUMB_CID);
		assertThat(external.path("thumb").path("mimeType").asString()).isEqualTo("image/png");
		List<LoggedRequest> uploads = server.findAll(postRequestedFor(urlPathEqualTo(UPLOAD)));
		assertThat(uploads).singleElement().satisfies(upload -> {
			assertThat(upload.getBody()).isEqualTo(PNG);
			assertThat(upload.getHeader("Content-Type")).isEqualTo("image/png");
			assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer " + session.credentials().accessToken());
		});
	}

	@Test
	void theTitleAndDescriptionThePersonWroteWinOverThePages() {
		recordIsCreated();
		thePageHasACard();
		blobsAreStored();

		bluesky.publish(session, withLink(Map.of("linkTitle", "Our biggest release", "linkDescription",
				"Everything you asked for")), key);

		JsonNode external = writtenEmbed().path("external");
		assertThat(external.path("title").asString()).isEqualTo("Our biggest release");
		assertThat(external.path("description").asString()).isEqualTo("Everything you asked for");
		assertThat(external.path("thumb").path("ref").path("$link").asString()).isEqualTo(THUMB_CID);
	}

	@Test
	void aBlankOptionCountsAsNotWritten() {
		recordIsCreated();
		thePageHasACard();
		blobsAreStored();

		bluesky.publish(session, withLink(Map.of("linkTitle", "Only the title is mine", "linkDescription", "  ")),
				key);

		JsonNode external = writtenEmbed().path("external");
		assertThat(external.path("title").asString()).isEqualTo("Only the title is mine");
		assertThat(external.path("description").asString()).startsWith("Plan, publish and answer");
	}

	@Test
	void aPageThatCannotBeReadStillGivesACardTitledWithTheLink() {
		recordIsCreated();
		server.stubFor(get(PAGE).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
			.withBody("<title>Not Found</title>")));

		PublishResult result = bluesky.publish(session, withLink(Map.of()), key);

		assertThat(result).isInstanceOf(Published.class);
		JsonNode external = writtenEmbed().path("external");
		assertThat(external.path("uri").asString()).isEqualTo(link);
		assertThat(external.path("title").asString()).isEqualTo(link);
		assertThat(external.path("description").isString()).isTrue();
		assertThat(external.path("description").asString()).isEmpty();
		assertThat(external.has("thumb")).isFalse();
		server.verify(0, postRequestedFor(urlPathEqualTo(UPLOAD)));
	}

	@Test
	void aThumbnailThePdsRefusesLeavesTheCardWithoutOne() {
		recordIsCreated();
		thePageHasACard();
		server.stubFor(post(UPLOAD).willReturn(xrpcError(400, "InvalidRequest", "Unsupported image")));

		PublishResult result = bluesky.publish(session, withLink(Map.of()), key);

		assertThat(result).isInstanceOf(Published.class);
		JsonNode external = writtenEmbed().path("external");
		assertThat(external.path("title").asString()).isEqualTo("Chorus 1.0 is here");
		assertThat(external.has("thumb")).isFalse();
	}

	@Test
	void anExpiredSessionWhileUploadingTheThumbnailIsATransientFailure() {
		thePageHasACard();
		server.stubFor(post(UPLOAD).willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));

		PublishResult result = bluesky.publish(session, withLink(Map.of()), key);

		assertThat(result).isEqualTo(new PublishResult.SessionExpired(Failures.SESSION_EXPIRED));
		server.verify(0, postRequestedFor(urlPathEqualTo(CREATE)));
	}

	@Test
	void withImagesTheLinkGetsNoCardAndItsPageIsNotFetched() {
		recordIsCreated();
		thePageHasACard();
		blobsAreStored();
		MediaItem photo = new MediaItem("image/png", () -> PNG, PNG.length, 1, 1, null, "A photo");

		bluesky.publish(session, new PostVariant(Surface.BLUESKY_POST, "Photos from the launch", List.of(photo), null,
				null, link, "en", Map.of("linkTitle", "Chorus 1.0")), key);

		JsonNode embed = writtenEmbed();
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.images");
		assertThat(embed.path("images").get(0).path("alt").asString()).isEqualTo("A photo");
		server.verify(0, getRequestedFor(urlEqualTo(PAGE)));
	}

	@Test
	void aQuoteWithALinkCarriesTheCardAsItsMedia() {
		recordIsCreated();
		thePageHasACard();
		blobsAreStored();
		String quoted = "at://did:plc:someoneelse000000000000/app.bsky.feed.post/3lquotedpost2";

		bluesky.publish(session, new PostVariant(Surface.BLUESKY_POST, "Read this", List.of(), null,
				new RemotePostRef(quoted, "bafyreiquoted", null, null), link, "en", Map.of()), key);

		JsonNode embed = writtenEmbed();
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.recordWithMedia");
		assertThat(embed.path("record").path("record").path("uri").asString()).isEqualTo(quoted);
		assertThat(embed.path("media").path("$type").asString()).isEqualTo("app.bsky.embed.external");
		assertThat(embed.path("media").path("external").path("title").asString()).isEqualTo("Chorus 1.0 is here");
		assertThat(embed.path("media").path("external").path("thumb").path("ref").path("$link").asString())
			.isEqualTo(THUMB_CID);
		server.verify(1, postRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Type", equalTo("image/png")));
	}
}
