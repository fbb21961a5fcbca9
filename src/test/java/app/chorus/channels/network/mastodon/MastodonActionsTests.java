package app.chorus.channels.network.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MetricsReading.PostMetrics;
import app.chorus.channels.spi.Moderating.Action;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.PublicProfileReading.PublicProfile;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;

/** Deleting, counting, blocking, muting, reporting, and reading profiles. */
class MastodonActionsTests {

	@RegisterExtension
	static WireMockExtension mastodon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final Map<String, Object> ME = MastodonPayloads.account(MastodonFixture.ACCOUNT_ID, "trwnh",
			"trwnh", "infinite love");
	private static final String RELATIONSHIP = MastodonPayloads.json(MastodonPayloads.map("id", "971724",
			"following", false, "showing_reblogs", false, "notifying", false, "languages", null, "followed_by", false,
			"blocking", true, "blocked_by", false, "muting", false, "muting_notifications", false, "requested", false,
			"requested_by", false, "domain_blocking", false, "endorsed", false, "note", ""));

	private final MastodonNetwork network = new MastodonFixture().network;
	private final ChannelSession session = MastodonFixture.session(mastodon.baseUrl());

	@Test
	void deletingAStatusAsksTheInstanceToDeleteIt() {
		mastodon.stubFor(delete("/api/v1/statuses/103254193998341330").willReturn(okJson(MastodonPayloads.json(
				MastodonPayloads.with(MastodonPayloads.status("103254193998341330", ME, "<p>test</p>"), "text", "test")))));

		network.delete(session, RemotePostRef.of("103254193998341330"));

		mastodon.verify(deleteRequestedFor(urlEqualTo("/api/v1/statuses/103254193998341330"))
			.withHeader("Authorization", equalTo("Bearer " + MastodonFixture.TOKEN)));
	}

	@Test
	void deletingAStatusThatIsAlreadyGoneSucceeds() {
		mastodon.stubFor(delete("/api/v1/statuses/1").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json").withBody(MastodonPayloads.error("Record not found"))));

		network.delete(session, RemotePostRef.of("1"));

		mastodon.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/statuses/1")));
	}

	@Test
	void deletingWhileTheInstanceIsDownSaysSo() {
		mastodon.stubFor(delete("/api/v1/statuses/1").willReturn(aResponse().withStatus(503)));

		assertThatThrownBy(() -> network.delete(session, RemotePostRef.of("1")))
			.isInstanceOf(NetworkUnavailable.class);
	}

	@Test
	void metricsCountFavouritesBoostsRepliesAndQuotesAndLeaveOutStatusesThatAreGone() {
		mastodon.stubFor(get("/api/v1/statuses/1").willReturn(okJson(MastodonPayloads.json(
				MastodonPayloads.status("1", ME, "<p>Hello world</p>")))));
		mastodon.stubFor(get("/api/v1/statuses/2").willReturn(okJson(MastodonPayloads.json(MastodonPayloads.with(
				MastodonPayloads.status("2", ME, "<p>Quoted</p>"), "favourites_count", 3, "reblogs_count", 2,
				"replies_count", 1, "quotes_count", 4)))));
		mastodon.stubFor(get("/api/v1/statuses/3").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json").withBody(MastodonPayloads.error("Record not found"))));

		Map<String, PostMetrics> metrics = network.metrics(session,
				List.of(RemotePostRef.of("1"), RemotePostRef.of("2"), RemotePostRef.of("3")));

		assertThat(metrics).containsOnlyKeys("1", "2");
		assertThat(metrics.get("1")).isEqualTo(new PostMetrics(112, 98, 7, -1, -1));
		assertThat(metrics.get("2")).isEqualTo(new PostMetrics(3, 2, 1, 4, -1));
	}

	@Test
	void blockingAndMutingActOnTheAuthorsAccount() {
		mastodon.stubFor(post("/api/v1/accounts/971724/block").willReturn(okJson(RELATIONSHIP)));
		mastodon.stubFor(post("/api/v1/accounts/971724/mute").willReturn(okJson(RELATIONSHIP)));

		network.moderate(session, Action.BLOCK, "971724");
		network.moderate(session, Action.MUTE, "971724");

		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/accounts/971724/block"))
			.withHeader("Authorization", equalTo("Bearer " + MastodonFixture.TOKEN)));
		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/accounts/971724/mute")));
	}

	@Test
	void reportingFilesAReportAboutTheAccount() {
		mastodon.stubFor(post("/api/v1/reports").willReturn(okJson(MastodonPayloads.json(MastodonPayloads.map(
				"id", "48914", "action_taken", false, "action_taken_at", null, "category", "other", "comment", "",
				"forwarded", false, "created_at", "2022-08-25T09:56:16.763Z", "status_ids", null, "rule_ids", null,
				"target_account", MastodonPayloads.account("971724", "zsc", "zsc", "Zee"))))));

		network.moderate(session, Action.REPORT, "971724");
		network.moderate(session, Action.REPORT, "971724", "Spam replies under every post");

		mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/reports")).withFormParam("account_id", equalTo("971724")));
		var reports = mastodon.findAll(postRequestedFor(urlEqualTo("/api/v1/reports")));
		assertThat(reports.get(0).getBodyAsString()).doesNotContain("comment");
		assertThat(reports.get(1).getBodyAsString()).contains("comment=Spam+replies+under+every+post");
	}

	@Test
	void deletingAsModerationDeletesTheStatus() {
		mastodon.stubFor(delete("/api/v1/statuses/5").willReturn(okJson(MastodonPayloads.json(
				MastodonPayloads.status("5", ME, "<p>x</p>")))));

		network.moderate(session, Action.DELETE, "5");

		mastodon.verify(deleteRequestedFor(urlEqualTo("/api/v1/statuses/5")));
	}

	@Test
	void hidingIsNotOfferedAndSendsNothing() {
		assertThat(network.actions()).containsExactlyInAnyOrder(Action.DELETE, Action.BLOCK, Action.MUTE,
				Action.REPORT);
		assertThatThrownBy(() -> network.moderate(session, Action.HIDE, "5"))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThat(mastodon.getAllServeEvents()).isEmpty();
	}

	@Test
	void blockingWithARefusedTokenAsksForReauthorisation() {
		mastodon.stubFor(post("/api/v1/accounts/971724/block").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.error("The access token is invalid"))));

		assertThatThrownBy(() -> network.moderate(session, Action.BLOCK, "971724"))
			.isInstanceOf(ReauthorizationNeeded.class);
	}

	@Test
	void aProfileIsLookedUpByHandleWithItsCountsAndPlainDescription() {
		mastodon.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("Gargron"))
			.willReturn(okJson(MastodonPayloads.json(MastodonPayloads.account("1", "Gargron", "Gargron", "Eugen")))));

		PublicProfile profile = network.profile(session, "@Gargron");

		assertThat(profile).isEqualTo(new PublicProfile("1", "Gargron@mastodon.social", "Eugen",
				"Developer of Mastodon & friends.", 320472, 453, 61163));
	}

	@Test
	void aProfileIsReadByAccountId() {
		mastodon.stubFor(get("/api/v1/accounts/297420").willReturn(okJson(MastodonPayloads.json(
				MastodonPayloads.account("297420", "haskal", "haskal@cybre.space", "")))));

		PublicProfile profile = network.profile(session, "297420");

		assertThat(profile.handle()).isEqualTo("haskal@cybre.space");
		assertThat(profile.displayName()).isNull();
		mastodon.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/lookup")));
	}

	@Test
	void anAccountTheInstanceDoesNotKnowIsNoSuchElement() {
		mastodon.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json").withBody(MastodonPayloads.error("Record not found"))));

		assertThatThrownBy(() -> network.profile(session, "nobody@nowhere.example"))
			.isInstanceOf(NoSuchElementException.class);
	}
}
