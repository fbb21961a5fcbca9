package app.chorus.publishing.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.shared.web.ChorusException;

/** UTM parameters added to a link's target: the person's address stays as they wrote it, only longer. */
class UtmTaggingTests {

	private static final Utm SPRING_ON_BLUESKY = Utm.forNetwork(NetworkKey.BLUESKY, "Spring Sale 2025!");

	private static String tag(String url, Utm utm) {
		return TargetUrl.tagged(TargetUrl.require(url), utm);
	}

	@Test
	void theNetworkIsTheSourceSocialTheMediumAndTheCampaignASlug() {
		assertThat(SPRING_ON_BLUESKY).isEqualTo(new Utm("bluesky", "social", "spring-sale-2025", null, null));
		assertThat(tag("https://example.com/page", SPRING_ON_BLUESKY))
			.isEqualTo("https://example.com/page?utm_source=bluesky&utm_medium=social&utm_campaign=spring-sale-2025");
	}

	@Test
	void anExistingQueryStaysAsWrittenAndTheParametersFollowIt() {
		assertThat(tag("https://shop.example/items?id=42&sort=new&q=red%20shoes&flag", SPRING_ON_BLUESKY))
			.isEqualTo("https://shop.example/items?id=42&sort=new&q=red%20shoes&flag"
					+ "&utm_source=bluesky&utm_medium=social&utm_campaign=spring-sale-2025");
		assertThat(tag("https://example.com/?", SPRING_ON_BLUESKY))
			.isEqualTo("https://example.com/?utm_source=bluesky&utm_medium=social&utm_campaign=spring-sale-2025");
	}

	@Test
	void theFragmentStaysAtTheEnd() {
		assertThat(tag("https://example.com/docs#install", SPRING_ON_BLUESKY))
			.isEqualTo("https://example.com/docs?utm_source=bluesky&utm_medium=social&utm_campaign=spring-sale-2025"
					+ "#install");
		assertThat(tag("https://example.com/app?tab=2#/settings?x=1", SPRING_ON_BLUESKY))
			.isEqualTo("https://example.com/app?tab=2&utm_source=bluesky&utm_medium=social"
					+ "&utm_campaign=spring-sale-2025#/settings?x=1");
	}

	@Test
	void aUtmParameterThePersonSetWinsAndIsNotRepeated() {
		String tagged = tag("https://example.com/?utm_source=newsletter&UTM_Campaign=launch", SPRING_ON_BLUESKY);

		assertThat(tagged).isEqualTo("https://example.com/?utm_source=newsletter&UTM_Campaign=launch&utm_medium=social");
		assertThat(tag("https://example.com/?utm_source=a&utm_medium=b&utm_campaign=c", SPRING_ON_BLUESKY))
			.isEqualTo("https://example.com/?utm_source=a&utm_medium=b&utm_campaign=c");
	}

	@Test
	void valuesAreEncodedSoTheyCannotBreakTheQuery() {
		Utm awkward = new Utm("bluesky", "social", "a&b=c+d e#f", "shoes & socks", "v/2?");

		assertThat(tag("https://example.com/", awkward)).isEqualTo("https://example.com/?utm_source=bluesky"
				+ "&utm_medium=social&utm_campaign=a%26b%3Dc%2Bd%20e%23f&utm_term=shoes%20%26%20socks"
				+ "&utm_content=v%2F2%3F");
		assertThat(tag("https://example.com/", Utm.forNetwork(NetworkKey.MASTODON, "봄 세일")))
			.endsWith("&utm_campaign=%EB%B4%84-%EC%84%B8%EC%9D%BC");
	}

	@Test
	void whatAUriCannotCarryIsEncodedAndExistingEscapesAreKept() {
		assertThat(TargetUrl.require("https://ko.wikipedia.org/wiki/서울 특별시?q=a%2Fb|c"))
			.isEqualTo("https://ko.wikipedia.org/wiki/%EC%84%9C%EC%9A%B8%20%ED%8A%B9%EB%B3%84%EC%8B%9C?q=a%2Fb%7Cc");
		assertThat(TargetUrl.require("HTTPS://Example.COM:8443/Path")).isEqualTo("https://example.com:8443/Path");
		assertThat(TargetUrl.require("https://한국.kr/")).isEqualTo("https://xn--3e0b707e.kr/");
		assertThat(TargetUrl.require("https://example.com/100%")).isEqualTo("https://example.com/100%25");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://files.example.com/a", "javascript:alert(1)", "mailto:ana@example.com",
			"file:///etc/passwd", "data:text/html,hi" })
	void onlyWebAddressesAreAccepted(String url) {
		assertThatThrownBy(() -> TargetUrl.require(url)).isInstanceOfSatisfying(ChorusException.class, e -> {
			assertThat(e.field()).isEqualTo("url");
			assertThat(e.messageKey()).isEqualTo("link.url.scheme");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com/page", "https://", "https://user:secret@example.com/",
			"https://exa_mple.com/", "https://example.com:99999/", "https://-bad-.com/", "just words" })
	void addressesWithoutAUsableHostAreRefusedNamingTheField(String url) {
		assertThatThrownBy(() -> TargetUrl.require(url)).isInstanceOfSatisfying(ChorusException.class, e -> {
			assertThat(e.field()).isEqualTo("url");
			assertThat(e.messageKey()).isEqualTo("link.url.invalid");
		});
	}

	@Test
	void anEmptyOrOverlongAddressIsRefused() {
		assertThatThrownBy(() -> TargetUrl.require("  ")).isInstanceOfSatisfying(ChorusException.class,
				e -> assertThat(e.messageKey()).isEqualTo("link.url.required"));
		assertThatThrownBy(() -> TargetUrl.require("https://example.com/" + "a".repeat(TargetUrl.MAX_LENGTH)))
			.isInstanceOfSatisfying(ChorusException.class,
					e -> assertThat(e.messageKey()).isEqualTo("link.url.too-long"));
	}

	@Test
	void campaignSlugsKeepEveryScriptsLetters() {
		assertThat(Utm.campaignSlug("  Spring Sale -- 2025! ")).isEqualTo("spring-sale-2025");
		assertThat(Utm.campaignSlug("봄 세일")).isEqualTo("봄-세일");
		assertThat(Utm.campaignSlug("दशैं अफर")).isEqualTo("दशैं-अफर");
		assertThat(Utm.campaignSlug("Sommerudsalg på Ærø")).isEqualTo("sommerudsalg-på-ærø");
		assertThat(Utm.campaignSlug("!!!")).isEmpty();
		assertThat(Utm.campaignSlug("x".repeat(300))).hasSize(100);
	}

	@Test
	void withoutACampaignNoUtmCampaignIsAdded() {
		assertThat(tag("https://example.com/", Utm.forNetwork(NetworkKey.BLUESKY, "")))
			.isEqualTo("https://example.com/?utm_source=bluesky&utm_medium=social");
	}
}
