package app.chorus.channels.network.mastodon;

import static app.chorus.channels.network.mastodon.MastodonPayloads.account;
import static app.chorus.channels.network.mastodon.MastodonPayloads.json;
import static app.chorus.channels.network.mastodon.MastodonPayloads.list;
import static app.chorus.channels.network.mastodon.MastodonPayloads.map;
import static app.chorus.channels.network.mastodon.MastodonPayloads.notification;
import static app.chorus.channels.network.mastodon.MastodonPayloads.reply;
import static app.chorus.channels.network.mastodon.MastodonPayloads.status;
import static app.chorus.channels.network.mastodon.MastodonPayloads.with;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.WebhookReceiving.AddressedEvent;
import app.chorus.channels.spi.WebhookReceiving.WebhookDelivery;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected.Reason;

/**
 * Mastodon's server webhooks ({@code status.created}, {@code status.updated}), signed as Mastodon signs them
 * ({@code X-Hub-Signature: sha256=<hex>} over the raw body), turned into the same events polling makes.
 */
class MastodonWebhooksTests {

	@RegisterExtension
	static WireMockExtension mastodon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String SECRET = "4f1c0e2b9a7d4c3e8b5a6f7e9d0c1b2a";
	private static final String ME = MastodonFixture.ACCOUNT_ID;
	private static final Map<String, Object> ZSC = account("971724", "zsc", "zsc", "Zee");
	private static final Map<String, Object> MYSELF = account(ME, "trwnh", "trwnh", "infinite love");

	private final MastodonNetwork network = new MastodonFixture().network;

	static Map<String, Object> mentioning(Map<String, Object> status, Map<String, Object>... accounts) {
		return with(status, "mentions", List.of(accounts).stream()
			.map(a -> map("id", a.get("id"), "username", a.get("username"), "url", a.get("url"), "acct", a.get("acct")))
			.toList());
	}

	static byte[] delivery(String event, Object object) {
		return json(map("event", event, "created_at", "2019-12-05T11:34:47.351Z", "object", object))
			.getBytes(StandardCharsets.UTF_8);
	}

	static String sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private WebhookDelivery parse(byte[] body) {
		return network.parse(Map.of("x-hub-signature", List.of(sign(body, SECRET))), body, SECRET);
	}

	private static List<InboxEvent> eventsFor(WebhookDelivery delivery, String account) {
		return delivery.events().stream().filter(e -> e.accountId().equals(account)).map(AddressedEvent::event)
			.toList();
	}

	@Test
	void aReplyToUsIsTheSameEventPollingMakesOfIt() {
		Map<String, Object> answer = mentioning(reply("103186126728896492", ZSC,
				"<p><span class=\"h-card\"><a href=\"https://mastodon.social/@trwnh\" class=\"u-url mention\">@<span>"
						+ "trwnh</span></a></span> sup!</p>", "103186038209478945", ME), MYSELF);
		mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(okJson(list(
				notification("34975900", "mention", "2019-11-23T07:49:02.064Z", ZSC, answer)))));
		mastodon.stubFor(get(urlPathEqualTo("/api/v1/conversations")).willReturn(okJson("[]")));
		InboxEvent polled = network.read(MastodonFixture.session(mastodon.baseUrl()), null).events().getFirst();

		WebhookDelivery pushed = parse(delivery("status.created", answer));

		assertThat(pushed.challengeAnswer()).isNull();
		assertThat(pushed.events()).extracting(AddressedEvent::accountId).containsExactly(ME);
		InboxEvent event = pushed.events().getFirst().event();
		assertThat(event).isEqualTo(polled);
		assertThat(event.kind()).isEqualTo(Kind.REPLY);
		assertThat(event.remoteId()).isEqualTo("103186126728896492");
		assertThat(event.subject()).isEqualTo(RemotePostRef.of("103186038209478945"));
		assertThat(event.authorHandle()).isEqualTo("zsc@mastodon.social");
		assertThat(event.text()).isEqualTo("@trwnh sup!");
	}

	@Test
	void aMentionIsAMentionAndADirectOneADirectMessage() {
		Map<String, Object> mention = mentioning(status("2001", ZSC, "<p>hello @trwnh</p>"), MYSELF);
		assertThat(eventsFor(parse(delivery("status.created", mention)), ME)).extracting(InboxEvent::kind)
			.containsExactly(Kind.MENTION);

		Map<String, Object> direct = with(mention, "id", "2002", "visibility", "direct");
		assertThat(eventsFor(parse(delivery("status.updated", direct)), ME)).extracting(InboxEvent::kind,
				InboxEvent::remoteId).containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DM, "2002"));
	}

	@Test
	void aReplyToSomeoneElseThatMentionsUsIsAMentionForUsAndAReplyForThem() {
		Map<String, Object> other = account("555", "other", "other@elsewhere.example", "Other");
		Map<String, Object> answer = mentioning(reply("3001", ZSC, "<p>@other @trwnh look</p>", "2999", "555"),
				other, MYSELF);
		WebhookDelivery pushed = parse(delivery("status.created", answer));
		assertThat(eventsFor(pushed, ME)).extracting(InboxEvent::kind).containsExactly(Kind.MENTION);
		assertThat(eventsFor(pushed, "555")).extracting(InboxEvent::kind).containsExactly(Kind.REPLY);
	}

	@Test
	void ourOwnStatusesAndOtherEventsAreAcknowledgedWithNothingInThem() {
		Map<String, Object> ownThread = mentioning(reply("4001", MYSELF, "<p>2/2</p>", "4000", ME), MYSELF);
		assertThat(parse(delivery("status.created", ownThread)).events()).isEmpty();
		assertThat(parse(delivery("status.created", status("4002", ZSC, "<p>nothing for anyone</p>"))).events())
			.isEmpty();
		assertThat(parse(delivery("account.created", map("id", "1", "username", "new"))).events()).isEmpty();
	}

	@Test
	void theSignatureIsCheckedBeforeAnythingIsRead() {
		byte[] body = delivery("status.created", mentioning(status("5001", ZSC, "<p>hi</p>"), MYSELF));
		assertThatThrownBy(() -> network.parse(Map.of(), body, SECRET)).isInstanceOf(WebhookRejected.class)
			.extracting(e -> ((WebhookRejected) e).reason()).isEqualTo(Reason.UNSIGNED);
		assertThatThrownBy(() -> network.parse(Map.of("x-hub-signature", List.of(sign(body, "another secret"))),
				body, SECRET)).extracting(e -> ((WebhookRejected) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("hi", "ho").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> network.parse(Map.of("x-hub-signature", List.of(sign(body, SECRET))), tampered,
				SECRET)).extracting(e -> ((WebhookRejected) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
		byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> network.parse(Map.of(), garbage, SECRET))
			.extracting(e -> ((WebhookRejected) e).reason()).isEqualTo(Reason.UNSIGNED);
	}

	@Test
	void whatIsNotAStatusDeliveryIsMalformed() {
		for (String body : List.of("not json", "[1, 2]", "{\"object\": {}}", "{\"event\": \"status.created\"}",
				"{\"event\": \"status.created\", \"object\": {\"id\": \"1\", \"content\": \"<p>no author</p>\"}}",
				"{\"event\": \"status.created\", \"object\": {\"id\": \"1\", \"account\": \"someone\"}}")) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			assertThatThrownBy(() -> parse(bytes)).as(body).isInstanceOf(WebhookRejected.class)
				.extracting(e -> ((WebhookRejected) e).reason()).isEqualTo(Reason.MALFORMED);
		}
	}
}
