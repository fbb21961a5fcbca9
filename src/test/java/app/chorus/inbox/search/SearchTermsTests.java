package app.chorus.inbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTests {

	@Test
	void wordsAreLowerCasedAndSplitAtAnythingThatIsNotPartOfAWord() {
		assertThat(SearchTerms.words("Where is my REFUND?! @bob.test #help https://x.example/a"))
			.containsExactly("where", "is", "my", "refund", "bob", "test", "help", "https", "x", "example", "a");
		assertThat(SearchTerms.words("Tak for hjælpen, det var én god oplevelse"))
			.contains("hjælpen", "én", "oplevelse");
	}

	@Test
	void koreanAndNepaliWordsKeepTheirSyllablesAndVowelSignsWhole() {
		assertThat(SearchTerms.words("환불이 아직 안 됐어요")).containsExactly("환불이", "아직", "안", "됐어요");
		// the vowel signs and virama of Devanagari are combining marks, not word breaks
		assertThat(SearchTerms.words("मेरो पैसाको फिर्ता कहिले?")).containsExactly("मेरो", "पैसाको", "फिर्ता", "कहिले");
	}

	@Test
	void fullWidthAndComposedFormsAreMadeAlike() {
		assertThat(SearchTerms.words("ＲＥＦＵＮＤ")).containsExactly("refund");
		// 한 written as separate jamo becomes the composed syllable
		assertThat(SearchTerms.words("\u1112\u1161\u11AB")).containsExactly("한");
	}

	@Test
	void aMessageIsStoredWithItsWordsAndTheirBeginnings() {
		assertThat(SearchTerms.lexemes("Refunds, refund! ok"))
			.containsExactly("ref", "refu", "refun", "refund", "refunds", "ok");
		// a Hangul syllable is a beginning on its own; Devanagari starts at three characters (प ै स)
		assertThat(SearchTerms.lexemes("환불이 पैसाको")).containsExactly("환", "환불", "환불이", "पैस", "पैसा", "पैसाक",
				"पैसाको");
		String longWord = "abcdefghijklmnopqrstuvwxyz";
		assertThat(SearchTerms.lexemes(longWord)).hasSize(SearchTerms.LONGEST_BEGINNING - 2 + 1)
			.contains(longWord.substring(0, SearchTerms.LONGEST_BEGINNING), longWord)
			.doesNotContain(longWord.substring(0, SearchTerms.LONGEST_BEGINNING + 1));
	}

	@Test
	void aQueryAsksForWordsBeginningWithEachQueryWordAndNothingInItIsAnOperator() {
		// a word whose beginnings are stored is one entry; a shorter or longer one asks for every entry it begins
		assertThat(SearchTerms.query("Refund & delivery | !la it's"))
			.isEqualTo("'refund' & 'delivery' & 'la':* & 'it':* & 's':*");
		assertThat(SearchTerms.query("abcdefghijklmnopqrstuvwxyz")).isEqualTo("'abcdefghijklmnopqrstuvwxyz':*");
		assertThat(SearchTerms.query("환 पैसा")).isEqualTo("'환' & 'पैसा'");
		assertThat(SearchTerms.query("  ?! ")).isNull();
		// while older messages are stored again, every word asks for the entries it begins
		assertThat(SearchTerms.query("refund 환", false)).isEqualTo("'refund':* & '환':*");
	}

	@Test
	void hugeAndRepetitiveTextsAreBounded() {
		assertThat(SearchTerms.words("🌷".repeat(10_000))).isEmpty();
		String longWord = "a".repeat(500);
		assertThat(SearchTerms.words(longWord).getFirst()).hasSize(SearchTerms.MAX_WORD);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			many.append("w").append(i).append(' ');
		}
		assertThat(SearchTerms.words(many.toString())).hasSize(SearchTerms.MAX_WORDS);
	}
}
