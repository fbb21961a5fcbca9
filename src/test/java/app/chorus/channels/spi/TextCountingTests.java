package app.chorus.channels.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Counting text the way each network does, on the scripts and symbols where the ways differ. */
class TextCountingTests {

	/** 👨‍👩‍👧‍👦: four emoji joined by three zero-width joiners; 7 code points, 25 UTF-8 bytes. */
	static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
	/** 🇳🇵: two regional indicators. */
	static final String FLAG_NEPAL = "\uD83C\uDDF3\uD83C\uDDF5";
	/** 👍🏽: thumbs up with a medium skin tone. */
	static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
	static final String GRINNING = "\uD83D\uDE00";
	/** 1️⃣ */
	static final String KEYCAP_ONE = "1\uFE0F\u20E3";
	/** e followed by a combining acute accent; NFC makes it é. */
	static final String E_ACUTE_DECOMPOSED = "e\u0301";
	/** 한 as three conjoining jamo (ᄒ ᅡ ᆫ). */
	static final String HAN_JAMO = "\u1112\u1161\u11AB";
	/** 한 as one precomposed syllable. */
	static final String HAN = "\uD55C";
	/** क्ष: ka, virama, ssa, a conjunct. */
	static final String KSSA = "\u0915\u094D\u0937";
	/** क्षि: the conjunct with the vowel sign i. */
	static final String KSSI = KSSA + "\u093F";
	/** नमस्ते: न, म, स्ते. */
	static final String NAMASTE = "\u0928\u092E\u0938\u094D\u0924\u0947";

	static boolean runtimeKnowsIndicConjuncts() {
		return Runtime.version().feature() >= 22;
	}

	@Nested
	class XWeighted {

		private final TextCounting x = TextCounting.X_WEIGHTED;

		@Test
		void latinCountsOneAndCjkTwo() {
			assertThat(x.count("hello")).isEqualTo(5);
			assertThat(x.count("日本語")).isEqualTo(6);
			assertThat(x.count("한국어")).isEqualTo(6);
		}

		@Test
		void rangeEdgesFollowTwitterTextConfigV3() {
			assertThat(x.count("\u10FF")).isEqualTo(1);
			assertThat(x.count("\u1100")).isEqualTo(2);
			assertThat(x.count("\u200D")).isEqualTo(1);
			assertThat(x.count("\u200E")).isEqualTo(2);
			assertThat(x.count("\u2010")).isEqualTo(1);
			assertThat(x.count("\u201F")).isEqualTo(1);
			assertThat(x.count("\u2020")).isEqualTo(2);
			assertThat(x.count("\u2032")).isEqualTo(1);
			assertThat(x.count("\u2037")).isEqualTo(1);
			assertThat(x.count("\u2038")).isEqualTo(2);
		}

		@Test
		void everyEmojiSequenceCountsTwo() {
			assertThat(x.count(GRINNING)).isEqualTo(2);
			assertThat(x.count(FAMILY)).isEqualTo(2);
			assertThat(x.count(FLAG_NEPAL)).isEqualTo(2);
			assertThat(x.count(THUMBS_UP_MEDIUM)).isEqualTo(2);
			assertThat(x.count(KEYCAP_ONE)).isEqualTo(2);
			assertThat(x.count("a" + FAMILY + "b" + FLAG_NEPAL)).isEqualTo(6);
		}

		@Test
		void combiningMarksAndJamoAreNormalisedFirst() {
			assertThat(x.count("caf" + E_ACUTE_DECOMPOSED)).isEqualTo(4);
			assertThat(x.count(HAN_JAMO)).isEqualTo(x.count(HAN)).isEqualTo(2);
		}

		@Test
		void devanagariCountsEachCodePointOnce() {
			assertThat(x.count(KSSA)).isEqualTo(3);
			assertThat(x.count(KSSI)).isEqualTo(4);
			assertThat(x.count(NAMASTE)).isEqualTo(6);
		}

		@Test
		void everyLinkCountsTwentyThree() {
			assertThat(x.count("https://example.com")).isEqualTo(23);
			assertThat(x.count("https://example.com/" + "a".repeat(200))).isEqualTo(23);
			assertThat(x.count("http://t.co")).isEqualTo(23);
			assertThat(x.count("Read https://a.example.com/x and http://b.example.org/y?z=1")).isEqualTo(5 + 23 + 5 + 23);
		}

		@Test
		void linksWithoutSchemeCountTwentyThreeButFileNamesDoNot() {
			assertThat(x.count("example.com")).isEqualTo(23);
			assertThat(x.count("see www.example.dk/page")).isEqualTo(4 + 23);
			assertThat(x.count("notes.md")).isEqualTo(8);
			assertThat(x.count("e.g. this")).isEqualTo(9);
		}

		@Test
		void sentencePunctuationAfterALinkIsNotPartOfIt() {
			assertThat(x.count("See https://example.com.")).isEqualTo(4 + 23 + 1);
			assertThat(x.count("(https://example.com)")).isEqualTo(1 + 23 + 1);
			assertThat(x.count("https://en.wikipedia.org/wiki/Foo_(bar)")).isEqualTo(23);
		}
	}

	@Nested
	class Graphemes {

		private final TextCounting graphemes = TextCounting.GRAPHEMES;

		@Test
		void emojiSequencesAreOneCharacterEach() {
			assertThat(graphemes.count(FAMILY)).isEqualTo(1);
			assertThat(graphemes.count(FLAG_NEPAL + FLAG_NEPAL)).isEqualTo(2);
			assertThat(graphemes.count(THUMBS_UP_MEDIUM)).isEqualTo(1);
			assertThat(graphemes.count(KEYCAP_ONE)).isEqualTo(1);
		}

		@Test
		void combiningMarksAndJamoJoinTheirBase() {
			assertThat(graphemes.count(E_ACUTE_DECOMPOSED)).isEqualTo(1);
			assertThat(graphemes.count(HAN_JAMO)).isEqualTo(1);
			assertThat(graphemes.count(HAN)).isEqualTo(1);
		}

		@Test
		void devanagariVowelSignsJoinTheirConsonant() {
			assertThat(graphemes.count("\u0915\u093F")).isEqualTo(1);
			assertThat(graphemes.count(NAMASTE)).isEqualTo(3);
		}

		@Test
		void devanagariConjunctsAreOneCharacter() {
			assumeTrue(runtimeKnowsIndicConjuncts(), "BreakIterator follows Unicode 15.1 conjunct rules from JDK 22");
			assertThat(graphemes.count(KSSA)).isEqualTo(1);
			assertThat(graphemes.count(KSSI)).isEqualTo(1);
		}
	}

	@Test
	void utf8BytesCountWhatTheEncodingTakes() {
		TextCounting bytes = TextCounting.UTF8_BYTES;
		assertThat(bytes.count(FAMILY)).isEqualTo(25);
		assertThat(bytes.count(E_ACUTE_DECOMPOSED)).isEqualTo(3);
		assertThat(bytes.count(HAN)).isEqualTo(3);
		assertThat(bytes.count(HAN_JAMO)).isEqualTo(9);
		assertThat(bytes.count(KSSA)).isEqualTo(9);
		assertThat(bytes.count(NAMASTE)).isEqualTo(18);
		assertThat(bytes.unit()).isEqualTo(RuleUnit.BYTES);
	}

	@Test
	void utf16CountsSurrogatePairsAsTwo() {
		assertThat(TextCounting.UTF16_UNITS.count(GRINNING)).isEqualTo(2);
		assertThat(TextCounting.UTF16_UNITS.count(FAMILY)).isEqualTo(11);
		assertThat(TextCounting.CODE_POINTS.count(FAMILY)).isEqualTo(7);
	}

	@Test
	void threadsCountsAnEmojiAsItsUtf8Bytes() {
		TextCounting threads = TextCounting.THREADS;
		assertThat(threads.count("hello")).isEqualTo(5);
		assertThat(threads.count(GRINNING)).isEqualTo(4);
		assertThat(threads.count(FAMILY)).isEqualTo(25);
		assertThat(threads.count("hi " + FLAG_NEPAL)).isEqualTo(3 + 8);
		assertThat(threads.count(HAN_JAMO)).isEqualTo(1);
	}

	@Test
	void mastodonCountsLinksAsReservedAndRemoteMentionsWithoutTheirDomain() {
		TextCounting mastodon = new TextCounting.MastodonCharacters(23);
		assertThat(mastodon.count("https://example.com/" + "a".repeat(300))).isEqualTo(23);
		assertThat(mastodon.count("@ana@very.long.example.social hi")).isEqualTo("@ana hi".length());
		assertThat(mastodon.count("@ana hi")).isEqualTo(7);
		assertThat(mastodon.count("mail ana@example.social")).isEqualTo("mail ana@example.social".length());
		assertThat(mastodon.count(FAMILY + E_ACUTE_DECOMPOSED)).isEqualTo(2);
		assertThat(new TextCounting.MastodonCharacters(30).count("x https://example.com")).isEqualTo(2 + 30);
	}

	@Test
	void mastodonLeavesLinksWithoutSchemeAtTheirLength() {
		assertThat(new TextCounting.MastodonCharacters(23).count("example.com")).isEqualTo(11);
	}
}
