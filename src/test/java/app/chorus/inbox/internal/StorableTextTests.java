package app.chorus.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text is kept as received, but for the two things PostgreSQL text and UTF-8 cannot hold. */
class StorableTextTests {

	@Test
	void markupControlCharactersAndEmojiAreKeptExactly() {
		String text = "<script>alert(1)</script>\u0001\u0007\u001b[0m\u202e\uFEFF 🌷👩‍👩‍👧 \r\n";
		assertThat(StorableText.of(text)).isSameAs(text);
	}

	@Test
	void nulAndHalvesOfSurrogatePairsBecomeTheReplacementCharacter() {
		assertThat(StorableText.of("a\u0000b")).isEqualTo("a\uFFFDb");
		assertThat(StorableText.of("x\ud83d y 🌷 \udc37")).isEqualTo("x\uFFFD y 🌷 \uFFFD");
		assertThat(StorableText.of("end\ud83d")).isEqualTo("end\uFFFD");
	}
}
