package app.chorus.channels.network.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.channels.spi.Surface;

/** Publishing statuses: options, idempotency, media with and without processing, replies, quotes, and failures. */
class MastodonPublishingTests {

	@RegisterExtension
	static WireMockExtension mastodon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String KEY = "0193a5b0-7c1d-7e2f-9a3b-4c5d6e7f8091";
	private static final Map<String, Object> ME = MastodonPayloads.account(MastodonFixture.ACCOUNT_ID, "trwnh",
			"trwnh", "infinite love");

	private final MastodonFixture fixture = new MastodonFixture();
	private final MastodonNetwork network = fixture.network;
	private final ChannelSession session = MastodonFixture.session(mastodon.baseUrl());

	@Test
	void aStatusWithContentWarningVisibilityLanguageAndPollIsPublished() {
		stubStatusCreated("103254962155278888");
		PostVariant variant = new PostVariant(Surface.MASTODON_STATUS, "Which do you prefer?", List.of(), null, null,
				null, "en", Map.of("visibility", "unlisted", "spoilerText", "Food talk", "sensitive", "true",
						"pollOptions", "Tea\nCoffee\n\n", "pollExpiresIn", "3600", "pollMultiple", "true"));

		PublishResult result = network.publish(session, variant, KEY);

		assertThat(result).isEqualTo(new PublishResult.Published(RemotePostRef.of("103254962155278888"),
				"https://mastodon.social/@trwnh/103254962155278888", Instant.parse("2019-12-05T11:34:47.196Z")));
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
			.withHeader("Authorization", equalTo("Bearer " + MastodonFixture.TOKEN))
			.withHeader("Idempotency-Key", equalTo(KEY))
			.withFormParam("status", equalTo("Which do you prefer?"))
			.withFormParam("visibility", equalTo("unlisted"))
			.withFormParam("spoiler_text", equalTo("Food talk"))
			.withFormParam("sensitive", equalTo("true"))
			.withFormParam("language", equalTo("en"))
			.withFormParam("poll[options][]", havingExactly("Tea", "Coffee"))
			.withFormParam("poll[expires_in]", equalTo("3600"))
			.withFormParam("poll[multiple]", equalTo("true"))
			.withoutFormParam("media_ids[]")
			.withoutFormParam("in_reply_to_id"));
	}

	@Test
	void aPlainStatusIsPublicByDefault() {
		stubStatusCreated("1");

		network.publish(session, PostVariant.text(Surface.MASTODON_STATUS, "Hello world"), KEY);

		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
			.withFormParam("status", equalTo("Hello world"))
			.withFormParam("visibility", equalTo("public"))
			.withoutFormParam("spoiler_text")
			.withoutFormParam("sensitive")
			.withoutFormParam("poll[options][]"));
	}

	@Test
	void aRetryCarriesTheSameIdempotencyKeySoMastodonMakesOneStatus() {
		mastodon.stubFor(post("/api/v1/statuses").inScenario("retry").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503).withBody("<html>503 Service Unavailable</html>"))
			.willSetStateTo("recovered"));
		mastodon.stubFor(post("/api/v1/statuses").inScenario("retry").whenScenarioStateIs("recovered")
			.withHeader("Idempotency-Key", equalTo(KEY))
			.willReturn(okJson(MastodonPayloads.json(MastodonPayloads.status("42", ME, "<p>Hello</p>")))));
		PostVariant variant = PostVariant.text(Surface.MASTODON_STATUS, "Hello");

		PublishResult first = network.publish(session, variant, KEY);
		PublishResult second = network.publish(session, variant, KEY);

		assertThat(first).isInstanceOf(PublishResult.TransientFailure.class);
		assertThat(second).isInstanceOfSatisfying(PublishResult.Published.class,
				published -> assertThat(published.post().id()).isEqualTo("42"));
		mastodon.verify(2, postRequestedFor(urlEqualTo("/api/v1/statuses")).withHeader("Idempotency-Key", equalTo(KEY)));
	}

	@Test
	void anImageProcessedAtOnceIsUploadedWithItsDescriptionThenAttached() {
		mastodon.stubFor(post("/api/v2/media").willReturn(okJson(MastodonPayloads.mediaAttachment("22348641",
				"https://files.mastodon.social/media_attachments/files/022/348/641/original/e96382f26c72a29c.jpeg",
				"A cat asleep on a keyboard"))));
		stubStatusCreated("7");

		PublishResult result = network.publish(session, withMedia("", image("A cat asleep on a keyboard")), KEY);

		assertThat(result).isInstanceOf(PublishResult.Published.class);
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v2/media"))
			.withHeader("Authorization", equalTo("Bearer " + MastodonFixture.TOKEN))
			.withAnyRequestBodyPart(aMultipart("file").withHeader("Content-Type", equalTo("image/png"))
				.withHeader("Content-Disposition", containing("filename=\"media-1.png\""))
				.withBody(equalTo("PNGDATA")))
			.withAnyRequestBodyPart(aMultipart("description").withBody(equalTo("A cat asleep on a keyboard"))));
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
			.withFormParam("media_ids[]", havingExactly("22348641"))
			.withoutFormParam("status"));
		assertThat(fixture.pauses).isEmpty();
	}

	@Test
	void mediaStillProcessingIsPolledUntilItHasItsUrl() {
		mastodon.stubFor(post("/api/v2/media").willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.mediaAttachment("22348641", null, "A short clip"))));
		mastodon.stubFor(mediaCheck().whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(206).withHeader("Content-Type", "application/json").withBody(""))
			.willSetStateTo("still"));
		mastodon.stubFor(mediaCheck().whenScenarioStateIs("still")
			.willReturn(aResponse().withStatus(206).withHeader("Content-Type", "application/json").withBody(""))
			.willSetStateTo("done"));
		mastodon.stubFor(mediaCheck().whenScenarioStateIs("done").willReturn(okJson(MastodonPayloads.mediaAttachment(
				"22348641", "https://files.mastodon.social/media_attachments/files/022/348/641/original/clip.mp4",
				"A short clip"))));
		stubStatusCreated("8");

		PublishResult result = network.publish(session, withMedia("Watch", video("A short clip")), KEY);

		assertThat(result).isInstanceOf(PublishResult.Published.class);
		assertThat(fixture.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
			.withFormParam("media_ids[]", havingExactly("22348641")));
	}

	@Test
	void mediaStillProcessingAfterAMinuteIsATransientFailureAndNoStatusIsMade() {
		mastodon.stubFor(post("/api/v2/media").willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.mediaAttachment("22348641", null, ""))));
		mastodon.stubFor(get("/api/v1/media/22348641").willReturn(aResponse().withStatus(206)));

		PublishResult result = network.publish(session, withMedia("Watch", video("")), KEY);

		assertThat(result).isInstanceOfSatisfying(PublishResult.TransientFailure.class,
				failure -> assertThat(failure.reason()).contains("still being processed"));
		assertThat(fixture.pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(60));
		mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses")));
	}

	@Test
	void mediaTheInstanceRefusesRejectsThePostNamingTheAttachment() {
		mastodon.stubFor(post("/api/v2/media").willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.error("Validation failed: File content type is invalid, File is invalid"))));

		PublishResult result = network.publish(session, withMedia("", image("")), KEY);

		assertThat(result).isEqualTo(new PublishResult.Rejected(List.of(new RuleViolation("media[0]",
				"rule.network.refused", "", "Validation failed: File content type is invalid, File is invalid",
				NetworkKey.MASTODON))));
		mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses")));
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v2/media")).withoutFormParam("description"));
	}

	@Test
	void aReplyNamesTheStatusItAnswers() {
		stubStatusCreated("9");

		network.reply(session, RemotePostRef.of("103186038209478945"),
				PostVariant.text(Surface.MASTODON_STATUS, "@zsc thanks!"), KEY);

		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
			.withFormParam("in_reply_to_id", equalTo("103186038209478945")));
	}

	@Test
	void aThreadIsEachStatusAnsweringThePreviousOne() {
		stubStatusCreated("10");
		PostVariant second = new PostVariant(Surface.MASTODON_STATUS, "2/2", List.of(), RemotePostRef.of("9"), null,
				null, null, Map.of());

		network.publish(session, second, KEY);

		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses")).withFormParam("in_reply_to_id", equalTo("9")));
	}

	@Test
	void aQuoteIsSentToInstancesWithQuotePosts() {
		stubStatusCreated("11");
		ChannelSession quoting = MastodonFixture.session(mastodon.baseUrl(), Map.of("mastodon_api_version", "7"));

		PublishResult result = network.publish(quoting, quote(), KEY);

		assertThat(result).isInstanceOf(PublishResult.Published.class);
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
			.withFormParam("quoted_status_id", equalTo("103270115826048975")));
	}

	@Test
	void aQuoteIsRefusedBeforeSendingToInstancesWithoutQuotePosts() {
		ChannelSession older = MastodonFixture.session(mastodon.baseUrl(), Map.of("mastodon_api_version", "6"));

		PublishResult result = network.publish(older, quote(), KEY);

		assertThat(result).isInstanceOfSatisfying(PublishResult.Rejected.class,
				rejected -> assertThat(rejected.violations()).singleElement().satisfies(violation -> {
					assertThat(violation.field()).isEqualTo("quoteOf");
					assertThat(violation.rule()).isEqualTo("rule.quote.unsupported");
				}));
		assertThat(mastodon.getAllServeEvents()).isEmpty();
	}

	@Test
	void anUnknownVisibilityOrAPollWithoutDurationIsRefusedBeforeSending() {
		PostVariant variant = new PostVariant(Surface.MASTODON_STATUS, "Vote", List.of(), null, null, null, null,
				Map.of("visibility", "friends", "pollOptions", "Yes\nNo"));

		PublishResult result = network.publish(session, variant, KEY);

		assertThat(result).isInstanceOfSatisfying(PublishResult.Rejected.class,
				rejected -> assertThat(rejected.violations()).extracting(RuleViolation::field, RuleViolation::rule)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("visibility", "rule.option.invalid"),
							org.assertj.core.groups.Tuple.tuple("poll", "rule.poll.expiry-missing")));
		assertThat(mastodon.getAllServeEvents()).isEmpty();
	}

	@Test
	void aRefusedTokenAsksForReauthorisation() {
		stubStatusFailing(401, MastodonPayloads.error("The access token is invalid"));

		assertThat(publishText()).isEqualTo(new PublishResult.ReauthorizationRequired("The access token is invalid"));
	}

	@Test
	void aTokenWithoutTheScopeAsksForReauthorisation() {
		stubStatusFailing(403, MastodonPayloads.error("This action is outside the authorized scopes"));

		assertThat(publishText()).isInstanceOf(PublishResult.ReauthorizationRequired.class);
	}

	@Test
	void aReplyToAStatusThatIsGoneIsRejected() {
		stubStatusFailing(404, MastodonPayloads.error("Record not found"));

		PublishResult result = network.reply(session, RemotePostRef.of("404404"),
				PostVariant.text(Surface.MASTODON_STATUS, "Late answer"), KEY);

		assertThat(result).isEqualTo(new PublishResult.Rejected(List.of(new RuleViolation("replyTo",
				"rule.network.target-gone", "", "Record not found", NetworkKey.MASTODON))));
	}

	@Test
	void aStatusTheInstanceRefusesIsRejectedWithItsMessage() {
		stubStatusFailing(422, MastodonPayloads.error("Validation failed: Text character limit of 500 exceeded"));

		assertThat(publishText()).isEqualTo(new PublishResult.Rejected(List.of(new RuleViolation("text",
				"rule.network.refused", "500", "Validation failed: Text character limit of 500 exceeded",
				NetworkKey.MASTODON))));
	}

	@Test
	void aRateLimitSaysWhenToRetryFromTheResetHeader() {
		mastodon.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-RateLimit-Limit", "300")
			.withHeader("X-RateLimit-Remaining", "0")
			.withHeader("X-RateLimit-Reset", "2026-11-22T12:35:00.443088Z")
			.withBody(MastodonPayloads.error("Too many requests"))));

		assertThat(publishText())
			.isEqualTo(new PublishResult.RateLimited(Instant.parse("2026-11-22T12:35:00.443088Z")));
	}

	@Test
	void aRateLimitWithoutResetWaitsMastodonsFiveMinuteWindow() {
		stubStatusFailing(429, MastodonPayloads.error("Too many requests"));

		assertThat(publishText()).isEqualTo(new PublishResult.RateLimited(MastodonFixture.NOW.plusSeconds(300)));
	}

	@Test
	void serverErrorsAreTransient() {
		stubStatusFailing(500, MastodonPayloads.error("Internal Server Error"));
		assertThat(publishText()).isInstanceOf(PublishResult.TransientFailure.class);

		mastodon.resetAll();
		stubStatusFailing(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
		assertThat(publishText()).isInstanceOfSatisfying(PublishResult.TransientFailure.class,
				failure -> assertThat(failure.reason()).contains("503"));
	}

	@Test
	void anInstanceThatCannotBeReachedIsATransientFailure() {
		PublishResult result = network.publish(MastodonFixture.session(MastodonFixture.nobodyListening()),
				PostVariant.text(Surface.MASTODON_STATUS, "Hello"), KEY);

		assertThat(result).isInstanceOf(PublishResult.TransientFailure.class);
	}

	@Test
	void anInstanceTooSlowToAnswerIsATransientFailure() {
		MastodonFixture impatient = new MastodonFixture(Duration.ofMillis(300));
		mastodon.stubFor(post(anyUrl()).willReturn(okJson("{}").withFixedDelay(1500)));

		PublishResult result = impatient.network.publish(session, PostVariant.text(Surface.MASTODON_STATUS, "Hi"), KEY);

		assertThat(result).isInstanceOf(PublishResult.TransientFailure.class);
	}

	@Test
	void mediaThatCannotBeReadIsATransientFailureNotAnException() {
		MediaItem unreadable = new MediaItem("image/png", () -> {
			throw new IllegalStateException("storage offline");
		}, 7, null, null, null, "");

		PublishResult result = network.publish(session, withMedia("", unreadable), KEY);

		assertThat(result).isInstanceOfSatisfying(PublishResult.TransientFailure.class,
				failure -> assertThat(failure.reason()).contains("storage offline"));
	}

	private PublishResult publishText() {
		return network.publish(session, PostVariant.text(Surface.MASTODON_STATUS, "Hello"), KEY);
	}

	private static void stubStatusCreated(String id) {
		mastodon.stubFor(post("/api/v1/statuses")
			.willReturn(okJson(MastodonPayloads.json(MastodonPayloads.status(id, ME, "<p>test content</p>")))));
	}

	private static void stubStatusFailing(int status, String body) {
		mastodon.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", body.startsWith("{") ? "application/json" : "text/html")
			.withBody(body)));
	}

	private static ScenarioMappingBuilder mediaCheck() {
		return get("/api/v1/media/22348641").inScenario("processing")
			.withHeader("Authorization", equalTo("Bearer " + MastodonFixture.TOKEN))
			.withHeader("Idempotency-Key", absent());
	}

	private static PostVariant withMedia(String text, MediaItem media) {
		return new PostVariant(Surface.MASTODON_STATUS, text, List.of(media), null, null, null, null, Map.of());
	}

	private static PostVariant quote() {
		return new PostVariant(Surface.MASTODON_STATUS, "So true", List.of(), null,
				RemotePostRef.of("103270115826048975"), null, null, Map.of());
	}

	private static MediaItem image(String alt) {
		return new MediaItem("image/png", "PNGDATA"::getBytes, 7, 640, 480, null, alt);
	}

	private static MediaItem video(String alt) {
		return new MediaItem("video/mp4", "MP4DATA"::getBytes, 7, 1280, 720, Duration.ofSeconds(12), alt);
	}
}
