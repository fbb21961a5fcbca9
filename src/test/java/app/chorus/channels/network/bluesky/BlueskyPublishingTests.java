package app.chorus.channels.network.bluesky;

import static app.chorus.channels.network.bluesky.BlueskyStubs.DID;
import static app.chorus.channels.network.bluesky.BlueskyStubs.HANDLE;
import static app.chorus.channels.network.bluesky.BlueskyStubs.NOW;
import static app.chorus.channels.network.bluesky.BlueskyStubs.body;
import static app.chorus.channels.network.bluesky.BlueskyStubs.json;
import static app.chorus.channels.network.bluesky.BlueskyStubs.xrpcError;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.PublishResult.Published;
import app.chorus.channels.spi.PublishResult.RateLimited;
import app.chorus.channels.spi.PublishResult.ReauthorizationRequired;
import app.chorus.channels.spi.PublishResult.Rejected;
import app.chorus.channels.spi.PublishResult.TransientFailure;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.channels.spi.Surface;
import tools.jackson.databind.JsonNode;

/** Publishing, replying and deleting against answers shaped like com.atproto.repo's. */
class BlueskyPublishingTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	private static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
	private static final String POST_CID = "bafyreibwrdb3r3ge2dtpzg5cxdg5xhdmeyzeanzsd5dsbb73xybhf4ynsu";
	private static final String PARENT = "at://did:plc:parentauthor00000000000/app.bsky.feed.post/3lparentpost2";
	private static final String PARENT_CID = "bafyreiparentcid";
	private static final String ROOT = "at://did:plc:rootauthor0000000000000/app.bsky.feed.post/3lrootpost222";
	private static final String ROOT_CID = "bafyreirootcid";

	private final BlueskyNetwork bluesky = BlueskyStubs.network(server);
	private final ChannelSession session = BlueskyStubs.session(server);
	private final String key = UUID.randomUUID().toString();
	private final String rkey = RecordKeys.fromIdempotencyKey(key);
	private final String uri = "at://" + DID + "/app.bsky.feed.post/" + rkey;

	private void recordIsCreated() {
		server.stubFor(post(CREATE).willReturn(json(created())));
	}

	private Map<String, Object> created() {
		return Map.of("uri", uri, "cid", POST_CID, "commit",
				Map.of("cid", "bafyreicommit", "rev", "3lcommitrev22"), "validationStatus", "valid");
	}

	private void noRecordUnderTheKey() {
		server.stubFor(get(urlPathEqualTo(GET_RECORD))
			.willReturn(xrpcError(400, "RecordNotFound", "Could not locate record: " + uri)));
	}

	private JsonNode writtenRecord() {
		List<LoggedRequest> writes = server.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(1);
		JsonNode input = body(writes.get(0));
		assertThat(input.path("repo").asString()).isEqualTo(DID);
		assertThat(input.path("collection").asString()).isEqualTo("app.bsky.feed.post");
		assertThat(input.path("rkey").asString()).isEqualTo(rkey);
		return input.path("record");
	}

	private static PostVariant variant(String text, List<MediaItem> media, RemotePostRef replyTo,
			RemotePostRef quoteOf, String link, String language, Map<String, String> options) {
		return new PostVariant(Surface.BLUESKY_POST, text, media, replyTo, quoteOf, link, language, options);
	}

	private static MediaItem image(String mimeType, byte[] bytes, Integer width, Integer height, String alt) {
		return new MediaItem(mimeType, () -> bytes, bytes.length, width, height, null, alt);
	}

	@Test
	void aPostCarriesItsTextLanguageTimeAndFacetsAtUtf8ByteOffsets() {
		recordIsCreated();
		server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.withQueryParam("handle", equalTo("alice.test")).willReturn(json(Map.of("did", "did:plc:alice"))));
		server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.withQueryParam("handle", equalTo("ghost.test"))
			.willReturn(xrpcError(400, "HandleNotFound", "Unable to resolve handle")));
		String text = "새 글 🎉 from @alice.test and @ghost.test: https://chorus.example/launch. #chorus";

		PublishResult result = bluesky.publish(session,
				variant(text, List.of(), null, null, null, "ko", Map.of()), key);

		assertThat(result).isEqualTo(new Published(new RemotePostRef(uri, POST_CID, null, null),
				"https://bsky.app/profile/" + HANDLE + "/post/" + rkey, NOW));
		JsonNode record = writtenRecord();
		assertThat(record.path("$type").asString()).isEqualTo("app.bsky.feed.post");
		assertThat(record.path("text").asString()).isEqualTo(text);
		assertThat(record.path("createdAt").asString()).isEqualTo("2026-03-01T12:00:00.000Z");
		assertThat(record.path("langs").get(0).asString()).isEqualTo("ko");
		JsonNode facets = record.path("facets");
		assertThat(facets).hasSize(3);
		// "새 글 " is 8 bytes, the party popper 4, " from " 6: the mention starts at byte 18
		assertFacet(facets.get(0), 18, 29, "app.bsky.richtext.facet#mention", "did", "did:plc:alice");
		assertFacet(facets.get(1), 47, 76, "app.bsky.richtext.facet#link", "uri", "https://chorus.example/launch");
		assertFacet(facets.get(2), 78, 85, "app.bsky.richtext.facet#tag", "tag", "chorus");
		assertThat(record.has("embed")).isFalse();
		assertThat(record.has("reply")).isFalse();
	}

	private static void assertFacet(JsonNode facet, int start, int end, String type, String field, String value) {
		assertThat(facet.path("index").path("byteStart").asInt()).isEqualTo(start);
		assertThat(facet.path("index").path("byteEnd").asInt()).isEqualTo(end);
		assertThat(facet.path("features").get(0).path("$type").asString()).isEqualTo(type);
		assertThat(facet.path("features").get(0).path(field).asString()).isEqualTo(value);
	}

	@Test
	void imagesAreUploadedAsBlobsAndEmbeddedWithAltTextAndAspectRatio() {
		recordIsCreated();
		byte[] png = "png-bytes".getBytes(StandardCharsets.UTF_8);
		byte[] jpeg = "jpeg-bytes".getBytes(StandardCharsets.UTF_8);
		server.stubFor(post("/xrpc/com.atproto.repo.uploadBlob").withHeader("Content-Type", equalTo("image/png"))
			.willReturn(json(Map.of("blob", blob("bafkreipng", "image/png", png.length)))));
		server.stubFor(post("/xrpc/com.atproto.repo.uploadBlob").withHeader("Content-Type", equalTo("image/jpeg"))
			.willReturn(json(Map.of("blob", blob("bafkreijpeg", "image/jpeg", jpeg.length)))));

		PublishResult result = bluesky.publish(session, variant("Two pictures", List.of(
				image("image/png", png, 640, 480, "A red square"), image("image/jpeg", jpeg, null, null, "")),
				null, null, null, null, Map.of()), key);

		assertThat(result).isInstanceOf(Published.class);
		List<LoggedRequest> uploads = server
			.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.uploadBlob")));
		assertThat(uploads).extracting(LoggedRequest::getBody).containsExactly(png, jpeg);
		assertThat(uploads).allSatisfy(upload -> assertThat(upload.getHeader("Authorization"))
			.isEqualTo("Bearer " + session.credentials().accessToken()));
		JsonNode embed = writtenRecord().path("embed");
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.images");
		JsonNode first = embed.path("images").get(0);
		assertThat(first.path("alt").asString()).isEqualTo("A red square");
		assertThat(first.path("image").path("ref").path("$link").asString()).isEqualTo("bafkreipng");
		assertThat(first.path("image").path("$type").asString()).isEqualTo("blob");
		assertThat(first.path("aspectRatio").path("width").asInt()).isEqualTo(640);
		assertThat(first.path("aspectRatio").path("height").asInt()).isEqualTo(480);
		JsonNode second = embed.path("images").get(1);
		assertThat(second.path("alt").isString()).isTrue();
		assertThat(second.path("alt").asString()).isEmpty();
		assertThat(second.path("image").path("ref").path("$link").asString()).isEqualTo("bafkreijpeg");
		assertThat(second.has("aspectRatio")).isFalse();
	}

	private static Map<String, Object> blob(String cid, String mimeType, int size) {
		return Map.of("$type", "blob", "ref", Map.of("$link", cid), "mimeType", mimeType, "size", size);
	}

	@Test
	void aReplyPointsAtItsParentAndTheThreadsRoot() {
		recordIsCreated();

		PublishResult result = bluesky.reply(session, new RemotePostRef(PARENT, PARENT_CID, ROOT, ROOT_CID),
				PostVariant.text(Surface.BLUESKY_POST, "Thanks!"), key);

		JsonNode reply = writtenRecord().path("reply");
		assertThat(reply.path("parent").path("uri").asString()).isEqualTo(PARENT);
		assertThat(reply.path("parent").path("cid").asString()).isEqualTo(PARENT_CID);
		assertThat(reply.path("root").path("uri").asString()).isEqualTo(ROOT);
		assertThat(reply.path("root").path("cid").asString()).isEqualTo(ROOT_CID);
		assertThat(result).asInstanceOf(type(Published.class))
			.extracting(Published::post)
			.isEqualTo(new RemotePostRef(uri, POST_CID, ROOT, ROOT_CID));
	}

	@Test
	void aReplyToAPostThatStartsItsThreadUsesItAsTheRoot() {
		recordIsCreated();

		bluesky.publish(session, variant("Indeed", List.of(), new RemotePostRef(PARENT, PARENT_CID, null, null), null,
				null, null, Map.of()), key);

		JsonNode reply = writtenRecord().path("reply");
		assertThat(reply.path("root").path("uri").asString()).isEqualTo(PARENT);
		assertThat(reply.path("root").path("cid").asString()).isEqualTo(PARENT_CID);
	}

	@Test
	void aReplyToAPostKnownOnlyByItsUriLooksUpItsCidAndRoot() {
		recordIsCreated();
		server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(PARENT))
			.willReturn(json(Map.of("posts", List.of(Map.of("uri", PARENT, "cid", PARENT_CID, "author",
					Map.of("did", "did:plc:parentauthor00000000000", "handle", "parent.test"), "record",
					Map.of("$type", "app.bsky.feed.post", "text", "a reply in a thread", "createdAt",
							"2026-02-28T10:00:00.000Z", "reply", Map.of("root", Map.of("uri", ROOT, "cid", ROOT_CID),
									"parent", Map.of("uri", ROOT, "cid", ROOT_CID))),
					"indexedAt", "2026-02-28T10:00:01.000Z", "likeCount", 0))))));

		bluesky.reply(session, RemotePostRef.of(PARENT), PostVariant.text(Surface.BLUESKY_POST, "Agreed"), key);

		JsonNode reply = writtenRecord().path("reply");
		assertThat(reply.path("parent").path("cid").asString()).isEqualTo(PARENT_CID);
		assertThat(reply.path("root").path("uri").asString()).isEqualTo(ROOT);
		assertThat(reply.path("root").path("cid").asString()).isEqualTo(ROOT_CID);
	}

	@Test
	void aQuoteEmbedsTheQuotedRecord() {
		recordIsCreated();

		bluesky.publish(session, variant("Worth reading", List.of(), null,
				new RemotePostRef(PARENT, PARENT_CID, null, null), null, null, Map.of()), key);

		JsonNode embed = writtenRecord().path("embed");
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.record");
		assertThat(embed.path("record").path("uri").asString()).isEqualTo(PARENT);
		assertThat(embed.path("record").path("cid").asString()).isEqualTo(PARENT_CID);
	}

	@Test
	void aQuoteWithImagesEmbedsRecordWithMedia() {
		recordIsCreated();
		server.stubFor(post("/xrpc/com.atproto.repo.uploadBlob")
			.willReturn(json(Map.of("blob", blob("bafkreipng", "image/png", 3)))));

		bluesky.publish(session, variant("Look", List.of(image("image/png", new byte[] { 1, 2, 3 }, 1, 1, "dot")),
				null, new RemotePostRef(PARENT, PARENT_CID, null, null), null, null, Map.of()), key);

		JsonNode embed = writtenRecord().path("embed");
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.recordWithMedia");
		assertThat(embed.path("record").path("$type").asString()).isEqualTo("app.bsky.embed.record");
		assertThat(embed.path("record").path("record").path("uri").asString()).isEqualTo(PARENT);
		assertThat(embed.path("media").path("$type").asString()).isEqualTo("app.bsky.embed.images");
		assertThat(embed.path("media").path("images").get(0).path("alt").asString()).isEqualTo("dot");
	}

	@Test
	void aLinkBecomesAnExternalCardWithTheTitleAndDescriptionGiven() {
		recordIsCreated();

		bluesky.publish(session, variant("Our launch", List.of(), null, null, "https://chorus.example/launch", "en",
				Map.of("linkTitle", "Chorus 1.0", "linkDescription", "Self-hosted social media management")), key);

		JsonNode embed = writtenRecord().path("embed");
		assertThat(embed.path("$type").asString()).isEqualTo("app.bsky.embed.external");
		assertThat(embed.path("external").path("uri").asString()).isEqualTo("https://chorus.example/launch");
		assertThat(embed.path("external").path("title").asString()).isEqualTo("Chorus 1.0");
		assertThat(embed.path("external").path("description").asString())
			.isEqualTo("Self-hosted social media management");
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyFindsThePostInsteadOfWritingASecond() {
		// the PDS answers a second record under the same key with a 500
		server.stubFor(post(CREATE).inScenario("retry").whenScenarioStateIs(STARTED).willReturn(json(created()))
			.willSetStateTo("written"));
		server.stubFor(post(CREATE).inScenario("retry").whenScenarioStateIs("written")
			.willReturn(xrpcError(500, "InternalServerError", "Internal Server Error")));
		server.stubFor(get(urlPathEqualTo(GET_RECORD)).withQueryParam("repo", equalTo(DID))
			.withQueryParam("collection", equalTo("app.bsky.feed.post")).withQueryParam("rkey", equalTo(rkey))
			.willReturn(json(Map.of("uri", uri, "cid", POST_CID, "value", Map.of("$type", "app.bsky.feed.post",
					"text", "Hello once", "createdAt", "2026-03-01T12:00:00.000Z")))));
		PostVariant hello = PostVariant.text(Surface.BLUESKY_POST, "Hello once");

		PublishResult first = bluesky.publish(session, hello, key);
		PublishResult second = bluesky.publish(session, hello, key);

		assertThat(second).isEqualTo(first);
		List<LoggedRequest> writes = server.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(writes).hasSize(2).allSatisfy(write -> assertThat(body(write).path("rkey").asString())
			.isEqualTo(rkey));
		assertThat(RecordKeys.isTid(rkey)).isTrue();
	}

	@Test
	void aLostAnswerIsRecoveredByFindingTheRecordWritten() {
		server.stubFor(post(CREATE).willReturn(json(created()).withFixedDelay(3000)));
		server.stubFor(get(urlPathEqualTo(GET_RECORD)).willReturn(json(Map.of("uri", uri, "cid", POST_CID, "value",
				Map.of("$type", "app.bsky.feed.post", "text", "Hello", "createdAt", "2026-03-01T12:00:00.000Z")))));

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "Hello"), key);

		assertThat(result).asInstanceOf(type(Published.class)).extracting(Published::post)
			.isEqualTo(new RemotePostRef(uri, POST_CID, null, null));
	}

	@Test
	void differentIdempotencyKeysGiveDifferentRecordKeys() {
		assertThat(RecordKeys.fromIdempotencyKey("a")).isNotEqualTo(RecordKeys.fromIdempotencyKey("b"))
			.isEqualTo(RecordKeys.fromIdempotencyKey("a"));
		assertThat(RecordKeys.tid(0)).isEqualTo("2222222222222");
		assertThat(RecordKeys.tid(Long.MAX_VALUE)).isEqualTo("bzzzzzzzzzzzz");
	}

	@Test
	void aRateLimitSaysWhenToTryAgainFromTheResetHeader() {
		Instant reset = NOW.plusSeconds(900);
		server.stubFor(post(CREATE).willReturn(xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
			.withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "0")
			.withHeader("ratelimit-reset", Long.toString(reset.getEpochSecond()))
			.withHeader("ratelimit-policy", "5000;w=3600")));

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "Hi"), key);

		assertThat(result).isEqualTo(new RateLimited(reset));
	}

	@Test
	void aRateLimitWithRetryAfterSecondsCountsFromNow() {
		server.stubFor(post(CREATE).willReturn(xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
			.withHeader("Retry-After", "120")));

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "Hi"), key);

		assertThat(result).isEqualTo(new RateLimited(NOW.plusSeconds(120)));
	}

	@Test
	void aServerErrorIsATransientFailure() {
		server.stubFor(post(CREATE).willReturn(xrpcError(500, "InternalServerError", "Internal Server Error")));
		noRecordUnderTheKey();

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "Hi"), key);

		assertThat(result).isInstanceOf(TransientFailure.class);
	}

	@Test
	void anUnreachablePdsIsATransientFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ChannelSession nowhere = new ChannelSession(session.channelId(), "http://127.0.0.1:" + closedPort, DID,
				HANDLE, session.credentials(), session.settings());

		PublishResult result = bluesky.publish(nowhere, PostVariant.text(Surface.BLUESKY_POST, "Hi"), key);

		assertThat(result).isInstanceOf(TransientFailure.class);
	}

	@Test
	void anInvalidRecordIsRejectedWithTheNetworksReason() {
		server.stubFor(post(CREATE).willReturn(xrpcError(400, "InvalidRequest",
				"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes")));
		noRecordUnderTheKey();

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "x".repeat(301)), key);

		assertThat(result).asInstanceOf(type(Rejected.class)).extracting(Rejected::violations).asList()
			.singleElement().isInstanceOfSatisfying(RuleViolation.class, violation -> {
				assertThat(violation.field()).isEqualTo("post");
				assertThat(violation.rule()).isEqualTo("rule.bluesky.post-refused");
				assertThat(violation.actual()).contains("300 graphemes");
				assertThat(violation.network()).isEqualTo(NetworkKey.BLUESKY);
			});
	}

	@Test
	void anExpiredAccessTokenIsATransientFailureSoTheCallerRefreshesAndRetries() {
		server.stubFor(post(CREATE).willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "Hi"), key);

		assertThat(result).isEqualTo(new PublishResult.SessionExpired(Failures.SESSION_EXPIRED));
		server.verify(0, getRequestedFor(urlPathEqualTo(GET_RECORD)));
	}

	@Test
	void anExpiredAccessTokenWhileUploadingAnImageIsATransientFailureNotARefusedImage() {
		server.stubFor(post("/xrpc/com.atproto.repo.uploadBlob")
			.willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));

		PublishResult result = bluesky.publish(session, variant("A picture",
				List.of(image("image/png", new byte[] { 1, 2, 3 }, 1, 1, "dot")), null, null, null, null, Map.of()),
				key);

		assertThat(result).isEqualTo(new PublishResult.SessionExpired(Failures.SESSION_EXPIRED));
		server.verify(0, postRequestedFor(urlPathEqualTo(CREATE)));
	}

	@Test
	void aTokenRefusedForGoodNeedsReauthorization() {
		server.stubFor(post(CREATE).willReturn(xrpcError(400, "InvalidToken", "Token could not be verified")));

		PublishResult result = bluesky.publish(session, PostVariant.text(Surface.BLUESKY_POST, "Hi"), key);

		assertThat(result).isInstanceOf(ReauthorizationRequired.class);
	}

	@Test
	void videoAndAFifthImageAreRejectedBeforeAnyCall() {
		MediaItem video = new MediaItem("video/mp4", () -> new byte[0], 10, 1920, 1080, null, "");
		MediaItem png = image("image/png", new byte[] { 1 }, 1, 1, "");

		PublishResult withVideo = bluesky.publish(session, variant("v", List.of(video), null, null, null, null,
				Map.of()), key);
		PublishResult fiveImages = bluesky.publish(session, variant("i", List.of(png, png, png, png, png), null, null,
				null, null, Map.of()), key);

		assertThat(withVideo).asInstanceOf(type(Rejected.class)).extracting(Rejected::violations).asList()
			.extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("media[0]",
					"rule.media.video-unsupported"));
		assertThat(fiveImages).asInstanceOf(type(Rejected.class)).extracting(Rejected::violations).asList()
			.extracting("field", "rule", "limit").containsExactly(org.assertj.core.groups.Tuple.tuple("media",
					"rule.media.too-many", "4 images"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void deletingRemovesTheRecordAndAPostAlreadyGoneCountsAsDeleted() {
		server.stubFor(post("/xrpc/com.atproto.repo.deleteRecord").inScenario("delete").whenScenarioStateIs(STARTED)
			.willReturn(json("{}")).willSetStateTo("gone"));
		server.stubFor(post("/xrpc/com.atproto.repo.deleteRecord").inScenario("delete").whenScenarioStateIs("gone")
			.willReturn(xrpcError(400, "RecordNotFound", "Could not locate record")));

		bluesky.delete(session, new RemotePostRef(uri, POST_CID, null, null));
		bluesky.delete(session, new RemotePostRef(uri, POST_CID, null, null));

		List<LoggedRequest> deletes = server
			.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.deleteRecord")));
		assertThat(deletes).hasSize(2);
		JsonNode input = body(deletes.get(0));
		assertThat(input.path("repo").asString()).isEqualTo(DID);
		assertThat(input.path("collection").asString()).isEqualTo("app.bsky.feed.post");
		assertThat(input.path("rkey").asString()).isEqualTo(rkey);
	}

	@Test
	void somebodyElsesPostCannotBeDeleted() {
		assertThatThrownBy(() -> bluesky.delete(session, RemotePostRef.of(PARENT)))
			.isInstanceOf(IllegalArgumentException.class);
		server.verify(0, anyRequestedFor(anyUrl()));
	}
}
