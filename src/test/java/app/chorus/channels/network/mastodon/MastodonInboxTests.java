package app.chorus.channels.network.mastodon;

import static app.chorus.channels.network.mastodon.MastodonPayloads.account;
import static app.chorus.channels.network.mastodon.MastodonPayloads.conversation;
import static app.chorus.channels.network.mastodon.MastodonPayloads.list;
import static app.chorus.channels.network.mastodon.MastodonPayloads.map;
import static app.chorus.channels.network.mastodon.MastodonPayloads.notification;
import static app.chorus.channels.network.mastodon.MastodonPayloads.reply;
import static app.chorus.channels.network.mastodon.MastodonPayloads.status;
import static app.chorus.channels.network.mastodon.MastodonPayloads.with;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.InboxPage;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;

/** Reading mentions, replies, quotes and private mentions forward, page by page. */
class MastodonInboxTests {

	@RegisterExtension
	static WireMockExtension mastodon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String ME = MastodonFixture.ACCOUNT_ID;
	private static final Map<String, Object> ZSC = account("971724", "zsc", "zsc", "Zee");
	private static final Map<String, Object> HASKAL = account("297420", "haskal", "haskal@cybre.space", "");
	private static final Map<String, Object> MYSELF = account(ME, "trwnh", "trwnh", "infinite love");

	private final MastodonNetwork network = new MastodonFixture().network;
	private final ChannelSession session = MastodonFixture.session(mastodon.baseUrl());

	@BeforeEach
	void noConversationsUnlessATestHasSome() {
		mastodon.stubFor(conversations(null).willReturn(okJson("[]")));
	}

	@Test
	void pollingForwardReturnsOnlyWhatIsNewerEachTime() {
		mastodon.stubFor(notifications(null).willReturn(okJson(list(
				notification("34975900", "mention", "2019-11-23T07:49:02.064Z", ZSC,
						reply("103186126728896492", ZSC, "<p><span class=\"h-card\"><a href=\"https://mastodon.social/@trwnh\""
								+ " class=\"u-url mention\">@<span>trwnh</span></a></span> sup!</p>",
								"103186038209478945", ME)),
				notification("34975861", "mention", "2019-11-23T07:29:18.903Z", HASKAL,
						status("103186046267791694", HASKAL, "<p>Have you seen <span class=\"h-card\"><a"
								+ " href=\"https://mastodon.social/@trwnh\" class=\"u-url mention\">@<span>trwnh"
								+ "</span></a></span>?</p>"))))
			.withHeader("Link", link("34975861", "34975900"))));

		InboxPage first = network.read(session, null);

		assertThat(first.events()).extracting(InboxEvent::remoteId, InboxEvent::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("103186046267791694", Kind.MENTION),
					org.assertj.core.groups.Tuple.tuple("103186126728896492", Kind.REPLY));
		InboxEvent mention = first.events().get(0);
		assertThat(mention.authorId()).isEqualTo("297420");
		assertThat(mention.authorHandle()).isEqualTo("haskal@cybre.space");
		assertThat(mention.authorDisplayName()).isNull();
		assertThat(mention.text()).isEqualTo("Have you seen @trwnh?");
		assertThat(mention.url()).isEqualTo("https://mastodon.social/@haskal/103186046267791694");
		assertThat(mention.createdAt()).isEqualTo(Instant.parse("2019-12-05T11:34:47.196Z"));
		assertThat(mention.post()).isEqualTo(RemotePostRef.of("103186046267791694"));
		assertThat(mention.subject()).isNull();
		InboxEvent reply = first.events().get(1);
		assertThat(reply.authorHandle()).isEqualTo("zsc@mastodon.social");
		assertThat(reply.authorDisplayName()).isEqualTo("Zee");
		assertThat(reply.text()).isEqualTo("@trwnh sup!");
		assertThat(reply.subject()).isEqualTo(RemotePostRef.of("103186038209478945"));
		assertThat(first.cursor()).isEqualTo("notifications=34975900");

		Map<String, Object> quoting = with(status("103270200000000000", ZSC,
				"<p class=\"quote-inline\">RE: <a href=\"https://mastodon.social/@trwnh/103270115826048975\">"
						+ "https://mastodon.social/@trwnh/103270115826048975</a></p><p>So true &amp; so &lt;wise&gt;"
						+ "<br>really</p><p>Second thought</p>"),
				"quote", map("state", "accepted", "quoted_status", status("103270115826048975", MYSELF, "<p>A thought</p>")));
		mastodon.stubFor(notifications("34975900").willReturn(okJson(list(
				notification("34976000", "quote", "2019-12-08T03:48:33.901Z", ZSC, quoting)))
			.withHeader("Link", link("34976000", "34976000"))));

		InboxPage second = network.read(session, first.cursor());

		assertThat(second.events()).singleElement().satisfies(quote -> {
			assertThat(quote.kind()).isEqualTo(Kind.QUOTE);
			assertThat(quote.remoteId()).isEqualTo("103270200000000000");
			assertThat(quote.subject()).isEqualTo(RemotePostRef.of("103270115826048975"));
			assertThat(quote.text()).isEqualTo("So true & so <wise>\nreally\n\nSecond thought");
		});
		assertThat(second.cursor()).isEqualTo("notifications=34976000");
		assertThat(second.more()).as("a page that is not full brought everything there was").isFalse();

		mastodon.stubFor(notifications("34976000").willReturn(okJson("[]")));

		InboxPage third = network.read(session, second.cursor());

		assertThat(third.events()).isEmpty();
		assertThat(third.cursor()).isEqualTo(second.cursor());
		mastodon.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
			.withQueryParam("types[]", havingExactly("mention", "quote"))
			.withQueryParam("limit", equalTo("40"))
			.withHeader("Authorization", equalTo("Bearer " + MastodonFixture.TOKEN)));
	}

	@Test
	void privateMentionsComeFromConversationsOnceEvenWhenAlsoNotified() {
		Map<String, Object> direct = with(reply("103196583826321184", ZSC, "<p>Can we talk privately?</p>",
				"103196540587943467", ME), "visibility", "direct");
		Map<String, Object> mine = with(status("103195253010396431", MYSELF, "<p>See you</p>"), "visibility",
				"direct");
		mastodon.stubFor(notifications(null).willReturn(okJson(list(
				notification("34975990", "mention", "2019-11-25T04:08:24.000Z", ZSC, direct)))
			.withHeader("Link", link("34975990", "34975990"))));
		mastodon.stubFor(conversations(null).willReturn(okJson(list(
				conversation("418450", true, java.util.List.of(ZSC), direct),
				conversation("418374", false, java.util.List.of(HASKAL), mine)))
			.withHeader("Link", "<" + mastodon.baseUrl() + "/api/v1/conversations?limit=40&max_id=103195253010396431>;"
					+ " rel=\"next\", <" + mastodon.baseUrl()
					+ "/api/v1/conversations?limit=40&min_id=103196583826321184>; rel=\"prev\"")));

		InboxPage page = network.read(session, null);

		assertThat(page.events()).singleElement().satisfies(dm -> {
			assertThat(dm.kind()).isEqualTo(Kind.DM);
			assertThat(dm.remoteId()).isEqualTo("103196583826321184");
			assertThat(dm.text()).isEqualTo("Can we talk privately?");
			assertThat(dm.subject()).isEqualTo(RemotePostRef.of("103196540587943467"));
		});
		assertThat(page.cursor()).isEqualTo("notifications=34975990&conversations=103196583826321184");

		mastodon.stubFor(notifications("34975990").willReturn(okJson("[]")));
		mastodon.stubFor(conversations("103196583826321184").willReturn(okJson("[]")));

		InboxPage next = network.read(session, page.cursor());

		assertThat(next.events()).isEmpty();
		assertThat(next.cursor()).isEqualTo(page.cursor());
		mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v1/conversations"))
			.withQueryParam("min_id", equalTo("103196583826321184")));
	}

	@Test
	void withoutALinkHeaderTheNewestIdOnThePageIsTheCursor() {
		mastodon.stubFor(notifications(null).willReturn(okJson(list(
				notification("10", "mention", "2019-11-23T07:49:02.064Z", ZSC, status("101", ZSC, "<p>b</p>")),
				notification("9", "mention", "2019-11-23T07:29:18.903Z", ZSC, status("100", ZSC, "<p>a</p>"))))));

		assertThat(network.read(session, null).cursor()).isEqualTo("notifications=10");
	}

	@Test
	void notificationsOfOtherKindsAreLeftOut() {
		mastodon.stubFor(notifications(null).willReturn(okJson(list(
				notification("5", "favourite", "2019-11-23T07:29:18.903Z", HASKAL,
						status("103186046267791694", MYSELF, "<p>mine</p>")),
				map("id", "4", "type", "follow", "created_at", "2019-11-23T07:29:18.903Z", "account", HASKAL)))));

		assertThat(network.read(session, null).events()).isEmpty();
	}

	@Test
	void aRefusedTokenAsksForReauthorisation() {
		mastodon.stubFor(notifications("34975900").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(MastodonPayloads.error("The access token is invalid"))));

		assertThatThrownBy(() -> network.read(session, "notifications=34975900"))
			.isInstanceOf(ReauthorizationNeeded.class);
	}

	@Test
	void anInstanceThatCannotAnswerLeavesTheCursorWhereItWas() {
		mastodon.stubFor(notifications(null).willReturn(aResponse().withStatus(503)));

		assertThatThrownBy(() -> network.read(session, null)).isInstanceOf(NetworkUnavailable.class);
	}

	private static MappingBuilder notifications(@Nullable String minId) {
		return get(urlPathEqualTo("/api/v1/notifications"))
			.withQueryParam("min_id", minId == null ? absent() : equalTo(minId));
	}

	private static MappingBuilder conversations(@Nullable String minId) {
		return get(urlPathEqualTo("/api/v1/conversations"))
			.withQueryParam("min_id", minId == null ? absent() : equalTo(minId));
	}

	private static String link(String oldest, String newest) {
		return "<" + mastodon.baseUrl() + "/api/v1/notifications?max_id=" + oldest
				+ "&types%5B%5D=mention&types%5B%5D=quote>; rel=\"next\", <" + mastodon.baseUrl()
				+ "/api/v1/notifications?min_id=" + newest + "&types%5B%5D=mention&types%5B%5D=quote>; rel=\"prev\"";
	}
}
