package app.chorus.publishing.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A visit reduced to what is counted: people apart from crawlers and link previews, and the referring host. */
class ClickTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
			"Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36" })
	void browsersArePeople(String agent) {
		assertThat(Click.isBot(agent)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
			"Twitterbot/1.0", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
			"http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)",
			"Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
			"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0",
			"curl/8.5.0", "python-requests/2.31.0", "Java-http-client/21.0.2", "Go-http-client/1.1" })
	void crawlersLinkPreviewsAndLibrariesAreBots(String agent) {
		assertThat(Click.isBot(agent)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void noUserAgentAtAllIsABot(String agent) {
		assertThat(Click.isBot(agent)).isTrue();
	}

	@Test
	void aHeadRequestIsNotAPersonClicking() {
		assertThat(Click.of("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", null, true)
			.bot()).isTrue();
	}

	@Test
	void onlyTheReferringHostIsKept() {
		assertThat(Click.referrerHost("https://bsky.app/profile/ana.example/post/3k?x=1")).isEqualTo("bsky.app");
		assertThat(Click.referrerHost("https://Mastodon.Social:443/@ana")).isEqualTo("mastodon.social");
		assertThat(Click.referrerHost("android-app://com.google.android.gm/")).isEqualTo("com.google.android.gm");
		assertThat(Click.referrerHost("not a url")).isEmpty();
		assertThat(Click.referrerHost(null)).isEmpty();
	}
}
