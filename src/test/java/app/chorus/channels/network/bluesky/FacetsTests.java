package app.chorus.channels.network.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.chorus.channels.network.bluesky.Facets.Kind;
import app.chorus.channels.network.bluesky.Facets.Span;
import app.chorus.channels.network.bluesky.Lexicon.Facet;

/** Facets address UTF-8 bytes: every offset here is checked by hand and by decoding the bytes it names. */
class FacetsTests {

	/** The text the byte range names, decoded from the UTF-8 bytes (independent of how the offsets were found). */
	private static String slice(String text, Span span) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new String(Arrays.copyOfRange(bytes, span.byteStart(), span.byteEnd()), StandardCharsets.UTF_8);
	}

	@Test
	void offsetsAreUtf8BytesAfterAnEmoji() {
		String text = "Hello 👋 @alice.test see https://example.com/a. #tag!";
		List<Span> spans = Facets.detect(text);

		assertThat(spans).containsExactly(new Span(11, 22, Kind.MENTION, "alice.test"),
				new Span(27, 48, Kind.LINK, "https://example.com/a"), new Span(50, 54, Kind.TAG, "tag"));
		assertThat(spans).extracting(span -> slice(text, span))
			.containsExactly("@alice.test", "https://example.com/a", "#tag");
	}

	@Test
	void offsetsAfterKoreanText() {
		String text = "안녕하세요 #한국어 @bob.test";
		List<Span> spans = Facets.detect(text);

		// five Hangul syllables are 15 bytes; the tag is '#' + three syllables = 10 bytes
		assertThat(spans).containsExactly(new Span(16, 26, Kind.TAG, "한국어"),
				new Span(27, 36, Kind.MENTION, "bob.test"));
		assertThat(spans).extracting(span -> slice(text, span)).containsExactly("#한국어", "@bob.test");
	}

	@Test
	void offsetsAfterDevanagariWithCombiningMarks() {
		String text = "नमस्ते @carol.test #नेपाल";
		List<Span> spans = Facets.detect(text);

		// नमस्ते is six code points (virama and vowel signs included), 18 bytes
		assertThat(spans).containsExactly(new Span(19, 30, Kind.MENTION, "carol.test"),
				new Span(31, 47, Kind.TAG, "नेपाल"));
		assertThat(spans).extracting(span -> slice(text, span)).containsExactly("@carol.test", "#नेपाल");
	}

	@Test
	void offsetsAfterAnEmojiSequenceJoinedWithZeroWidthJoiners() {
		String text = "👨‍👩‍👧 https://chorus.example/family";
		List<Span> spans = Facets.detect(text);

		// three 4-byte emoji and two 3-byte joiners: 18 bytes, then a space
		assertThat(spans).containsExactly(new Span(19, 48, Kind.LINK, "https://chorus.example/family"));
	}

	@Test
	void severalLinksKeepTheirOwnBracketsButNotTheSentences() {
		String text = "a https://one.example/x, and (https://two.example/y) and "
				+ "https://en.wikipedia.org/wiki/Pi_(letter). Also http://three.example?q=1&r=2!";
		List<Span> spans = Facets.detect(text);

		assertThat(spans).extracting(Span::value).containsExactly("https://one.example/x", "https://two.example/y",
				"https://en.wikipedia.org/wiki/Pi_(letter)", "http://three.example?q=1&r=2");
		assertThat(spans).allSatisfy(span -> assertThat(slice(text, span)).isEqualTo(span.value()));
	}

	@Test
	void aLinkNeedsAHostAndAStartOfWord() {
		assertThat(Facets.detect("https:// is not a link, nor xhttps://example.com")).isEmpty();
	}

	@Test
	void mentionsNeedAValidHandleAtTheStartOfAWord() {
		String text = "@alice.test. write me@example.com (@bob.test) @single @1.2 @x.y-";
		List<Span> spans = Facets.detect(text);

		assertThat(spans).extracting(Span::value).containsExactly("alice.test", "bob.test");
		assertThat(spans).extracting(span -> slice(text, span)).containsExactly("@alice.test", "@bob.test");
	}

	@Test
	void tagsDropTrailingPunctuationAndNeedMoreThanDigits() {
		String text = "#one. #two, #three… #2024 #1st C#sharp #️⃣ ＃wide (#notag)";
		List<Span> spans = Facets.detect(text);

		assertThat(spans).extracting(Span::value).containsExactly("one", "two", "three", "1st", "wide");
		assertThat(spans).extracting(span -> slice(text, span))
			.containsExactly("#one", "#two", "#three", "#1st", "＃wide");
	}

	@Test
	void aTagLongerThanSixtyFourGraphemesIsNoTag() {
		String sixtyFour = "a".repeat(64);
		assertThat(Facets.detect("#" + sixtyFour)).hasSize(1);
		assertThat(Facets.detect("#" + sixtyFour + "b")).isEmpty();
	}

	@Test
	void mentionsAndTagsInsideALinkBelongToTheLink() {
		String text = "https://bsky.app/profile/alice.test/post/1?x=@bob.test#frag";
		assertThat(Facets.detect(text)).extracting(Span::kind).containsExactly(Kind.LINK);
	}

	@Test
	void facetsCarryResolvedMentionsAndLeaveUnknownHandlesAsPlainText() {
		String text = "hi @alice.test and @ghost.test #chorus https://example.com";
		Map<String, String> dids = Map.of("alice.test", "did:plc:alice");

		List<Facet> facets = Facets.of(text, dids::get);

		assertThat(facets).extracting(facet -> facet.features().get(0)).containsExactly(
				new Lexicon.Mention("did:plc:alice"), new Lexicon.Tag("chorus"),
				new Lexicon.Link("https://example.com"));
		assertThat(facets.get(0).index()).isEqualTo(new Lexicon.ByteSlice(3, 14));
	}
}
