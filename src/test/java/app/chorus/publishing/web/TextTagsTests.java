package app.chorus.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTagsTests {

	@Test
	void findsEachHashtagOnceInTheOrderWritten() {
		assertThat(TextTags.hashtags("#Bakery opens at 7. #bread, #빵 and #Bakery again; ＃パン"))
			.containsExactly("#Bakery", "#bread", "#빵", "#パン");
	}

	@Test
	void leavesOutNumbersAnchorsAndTagsGluedToWords() {
		assertThat(TextTags.hashtags("We are #1 in town, see https://example.com/menu#today or C#sharp")).isEmpty();
	}

	@Test
	void findsMentionsOfHandlesAndFediverseAccountsButNotEmailAddresses() {
		assertThat(TextTags.mentions("Thanks @ana.bsky.social and @bo@mastodon.example! Mail ana@example.com, @ana."))
			.containsExactly("@ana.bsky.social", "@bo@mastodon.example", "@ana");
	}
}
