package app.chorus.publishing.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which parts of a post's text are links, as a reader sees them. */
class LinksInTextTests {

	private static List<String> links(String text) {
		return LinksInText.find(text).stream().map(LinksInText.Found::url).toList();
	}

	@Test
	void findsEveryWebLinkInOrderWithItsPosition() {
		String text = "New post: https://example.com/blog and http://old.example.org/a?b=c#d too";
		List<LinksInText.Found> found = LinksInText.find(text);

		assertThat(found).extracting(LinksInText.Found::url)
			.containsExactly("https://example.com/blog", "http://old.example.org/a?b=c#d");
		assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo("https://example.com/blog");
	}

	@Test
	void sentencePunctuationAfterALinkIsNotPartOfIt() {
		assertThat(links("Read https://example.com/post.")).containsExactly("https://example.com/post");
		assertThat(links("Really? https://example.com/?q=1! Yes, https://example.com/x, ok; \"https://example.com/y\""))
			.containsExactly("https://example.com/?q=1", "https://example.com/x", "https://example.com/y");
		assertThat(links("Ends here: https://example.com/a...")).containsExactly("https://example.com/a");
		assertThat(links("'https://example.com/quoted'")).containsExactly("https://example.com/quoted");
	}

	@Test
	void bracketsCountOnlyWhenTheyAreBalancedInsideTheLink() {
		assertThat(links("(see https://example.com/a)")).containsExactly("https://example.com/a");
		assertThat(links("See https://en.wikipedia.org/wiki/Chorus_(band).")).containsExactly(
				"https://en.wikipedia.org/wiki/Chorus_(band)");
		assertThat(links("(about https://en.wikipedia.org/wiki/Chorus_(band))")).containsExactly(
				"https://en.wikipedia.org/wiki/Chorus_(band)");
		assertThat(links("[docs: https://example.com/docs]")).containsExactly("https://example.com/docs");
	}

	@Test
	void onlyLinksWithASchemeAndADottedHostCount() {
		assertThat(links("example.com and www.example.org and notes.md")).isEmpty();
		assertThat(links("https:// nothing, https://localhost/x, xhttps://example.com")).isEmpty();
		assertThat(links("HTTPS://EXAMPLE.COM/A")).containsExactly("HTTPS://EXAMPLE.COM/A");
	}

	@Test
	void aHostEndsWhereAnotherScriptBeginsButAPathMayUseAnyScript() {
		assertThat(links("자세한 내용은 https://example.com에서 확인하세요")).containsExactly("https://example.com");
		assertThat(links("서울: https://ko.wikipedia.org/wiki/서울특별시。")).containsExactly(
				"https://ko.wikipedia.org/wiki/서울특별시");
		assertThat(links("नेपाल https://ne.wikipedia.org/wiki/नेपाल।")).containsExactly(
				"https://ne.wikipedia.org/wiki/नेपाल");
	}

	@Test
	void linksStopAtWhitespaceAndAngleBrackets() {
		assertThat(links("<https://example.com/a>\nhttps://example.com/b\thttps://example.com/c"))
			.containsExactly("https://example.com/a", "https://example.com/b", "https://example.com/c");
	}
}
