package app.chorus.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteMentionsTests {

	@Test
	void aMentionIsALocalPartOrAWholeAddressOnceEachLowerCased() {
		assertThat(NoteMentions.handles("@Alice please, with @bob.smith and @Alice again; @carol@Example.com."))
			.containsExactly("alice", "bob.smith", "carol@example.com");
	}

	@Test
	void anAddressInTheTextOrAnAtSignInsideAWordIsNoMention() {
		assertThat(NoteMentions.handles("write to alice@example.com, or ask at@home, or email.@x")).isEmpty();
	}

	@Test
	void punctuationEndsAMention() {
		assertThat(NoteMentions.handles("(@ann), @ben. @cid! @dee?")).containsExactly("ann", "ben", "cid", "dee");
		assertThat(NoteMentions.handles("@ alone")).isEmpty();
	}

	@Test
	void theLocalPartIsWhatAHandleMatches() {
		assertThat(NoteMentions.localPart("Ann.Lee+inbox@Example.com")).isEqualTo("ann.lee+inbox");
	}
}
