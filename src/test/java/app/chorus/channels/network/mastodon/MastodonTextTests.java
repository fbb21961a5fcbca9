package app.chorus.channels.network.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.chorus.channels.spi.ConnectionRefused;

/** The small pieces: HTML to text, instance addresses, Link headers and the inbox cursor. */
class MastodonTextTests {

	@Test
	void statusHtmlBecomesPlainTextWithItsLineBreaks() {
		String html = "<p>Links: <a href=\"https://example.com/page/that/is/very/long\" rel=\"nofollow noopener\">"
				+ "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/page</span>"
				+ "<span class=\"invisible\">/that/is/very/long</span></a></p><p>Line one<br />line two<br>"
				+ "&quot;quoted&quot; &#39;single&#39; &#x1F418; &amp;lt; stays escaped once</p>"
				+ "<ul><li>first</li><li>second</li></ul>";

		assertThat(StatusHtml.toPlainText(html)).isEqualTo("Links: https://example.com/page/that/is/very/long\n\n"
				+ "Line one\nline two\n\"quoted\" 'single' \uD83D\uDC18 &lt; stays escaped once\n\nfirst\nsecond");
	}

	@Test
	void markupIsNeverPassedOnAsMarkup() {
		assertThat(StatusHtml.toPlainText("<p><script>alert(1)</script>&lt;b&gt;</p>")).isEqualTo("alert(1)<b>");
		assertThat(StatusHtml.toPlainText(null)).isEmpty();
		assertThat(StatusHtml.toPlainText("&unknown; &#0;")).isEqualTo("&unknown; \uFFFD");
	}

	@Test
	void whatAPersonTypesBecomesTheInstanceBaseUrl() {
		assertThat(InstanceUrl.normalise("mastodon.social")).isEqualTo("https://mastodon.social");
		assertThat(InstanceUrl.normalise(" https://Mastodon.Social/ ")).isEqualTo("https://mastodon.social");
		assertThat(InstanceUrl.normalise("https://mastodon.social/@Gargron?x=1#top")).isEqualTo("https://mastodon.social");
		assertThat(InstanceUrl.normalise("@Gargron@mastodon.social")).isEqualTo("https://mastodon.social");
		assertThat(InstanceUrl.normalise("http://localhost:3000/")).isEqualTo("http://localhost:3000");
		assertThat(InstanceUrl.normalise("https://bücher.example")).isEqualTo("https://xn--bcher-kva.example");
	}

	@Test
	void textThatNamesNoServerIsRefused() {
		for (String typed : List.of("", "ftp://files.example", "https://user:pw@mastodon.social", "https://")) {
			assertThatThrownBy(() -> InstanceUrl.normalise(typed)).as(typed)
				.isInstanceOfSatisfying(ConnectionRefused.class,
						refused -> assertThat(refused.field()).isEqualTo("instanceUrl"));
		}
	}

	@Test
	void theLinkHeaderGivesThePositionOfNewerItems() {
		String header = "<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel=\"next\", "
				+ "<https://mastodon.example/api/v1/notifications?types%5B%5D=mention&min_id=34975861>; rel=\"prev\"";

		assertThat(LinkHeader.newerThan(List.of(header))).isEqualTo("34975861");
		assertThat(LinkHeader.newerThan(List.of("<https://old.example/api/v1/notifications?since_id=7>; rel=\"prev\"")))
			.isEqualTo("7");
		assertThat(LinkHeader.newerThan(List.of("<https://mastodon.example/api/v1/notifications?max_id=1>; rel=\"next\"")))
			.isNull();
		assertThat(LinkHeader.newerThan(List.of())).isNull();
	}

	@Test
	void theInboxCursorKeepsBothPositions() {
		InboxCursor cursor = new InboxCursor("34975861", "103196583826321184");

		assertThat(InboxCursor.parse(cursor.format())).isEqualTo(cursor);
		assertThat(cursor.advance(null, "2")).isEqualTo(new InboxCursor("34975861", "2"));
		assertThat(InboxCursor.START.format()).isNull();
		assertThat(InboxCursor.parse("garbage")).isEqualTo(InboxCursor.START);
	}

	@Test
	void mastodonIdsCompareAsNumbers() {
		assertThat(MastodonInbox.compareIds("10", "9")).isPositive();
		assertThat(MastodonInbox.compareIds("103196583826321184", "103195253010396431")).isPositive();
		assertThat(MastodonInbox.compareIds("5", "5")).isZero();
	}
}
