package app.chorus.inbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTests {

	@Test
	void wordsAreLowerCasedAndSplitAtAnythingThatIsNotPartOfAWord() {
		assertThat(SearchTerms.of("Where is my REFUND?! @bob.test #help https://x.example/a"))
			.containsExactly("where", "is", "my", "refund", "bob", "test", "help", "https", "x", "example", "a");
		assertThat(SearchTerms.of("Tak for hjælpen, det var én god oplevelse"))
			.contains("hjælpen", "én", "oplevelse");
	}

	@Test
	void koreanAndNepaliWordsKeepTheirSyllablesAndVowelSignsWhole() {
		assertThat(SearchTerms.of("환불이 아직 안 됐어요")).containsExactly("환불이", "아직", "안", "됐어요");
		// the vowel signs and virama of Devanagari are combining marks, not word breaks
		assertThat(SearchTerms.of("मेरो पैसाको फिर्ता कहिले?")).containsExactly("मेरो", "पैसाको", "फिर्ता", "कहिले");
	}

	@Test
	void fullWidthAndComposedFormsAreMadeAlike() {
		assertThat(SearchTerms.of("ＲＥＦＵＮＤ")).containsExactly("refund");
		// 한 written as separate jamo becomes the composed syllable
		assertThat(SearchTerms.of("\u1112\u1161\u11AB")).containsExactly("한");
	}

	@Test
	void aQueryAsksForWordsBeginningWithEachQueryWordAndNothingInItIsAnOperator() {
		assertThat(SearchTerms.query("Refund & delivery | !late")).isEqualTo("'refund':* & 'delivery':* & 'late':*");
		assertThat(SearchTerms.query("환불")).isEqualTo("'환불':*");
		assertThat(SearchTerms.query("  ?! ")).isNull();
	}

	@Test
	void hugeAndRepetitiveTextsAreBounded() {
		assertThat(SearchTerms.of("🌷".repeat(10_000))).isEmpty();
		String longWord = "a".repeat(500);
		assertThat(SearchTerms.of(longWord).getFirst()).hasSize(SearchTerms.MAX_WORD);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			many.append("w").append(i).append(' ');
		}
		assertThat(SearchTerms.of(many.toString())).hasSize(SearchTerms.MAX_WORDS);
	}
}
