package app.chorus.inbox.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordMatchTests {

	private static boolean matches(String text, String keyword) {
		return KeywordMatch.contains(KeywordMatch.normalise(text), KeywordMatch.keyword(keyword));
	}

	@Test
	void aKeywordIsAWholeWordUnlessItEndsWithAStar() {
		assertThat(matches("I want a refund now", "refund")).isTrue();
		assertThat(matches("Refund, please!", "refund")).isTrue();
		assertThat(matches("refunds take ages", "refund")).isFalse();
		assertThat(matches("refunds take ages", "refund*")).isTrue();
		assertThat(matches("nonrefundable", "refund*")).isFalse();
	}

	@Test
	void aKeywordNeverMatchesInsideAnotherWord() {
		assertThat(matches("This class was great", "ass")).isFalse();
		assertThat(matches("This class was great", "ass*")).isFalse();
		assertThat(matches("my assistant", "ass")).isFalse();
		assertThat(matches("snake_case", "case")).isFalse();
		assertThat(matches("what an ass.", "ass")).isTrue();
	}

	@Test
	void koreanAndNepaliKeywordsTakeTheirEndings() {
		assertThat(matches("환불이 안 돼요", "환불")).isTrue();
		assertThat(matches("환불을 원합니다", "환불")).isTrue();
		assertThat(matches("전액환불", "환불")).isFalse();
		assertThat(matches("मेरो पैसाको के भयो", "पैसा")).isTrue();
		assertThat(matches("पैसा फिर्ता", "पैसा")).isTrue();
	}

	@Test
	void caseFullWidthFormsAndSpacingDoNotMatter() {
		assertThat(matches("REFUND please", "refund")).isTrue();
		assertThat(matches("ｒｅｆｕｎｄ please", "Refund")).isTrue();
		assertThat(matches("I want my   money\tback", "money back")).isTrue();
		assertThat(matches("a refund", "  refund ")).isTrue();
		assertThat(matches("Ｒｅｆｕｎｄｓ", "refund＊")).isTrue();
	}

	@Test
	void aBareStarOrBlankIsNoKeyword() {
		assertThat(KeywordMatch.usable("*")).isFalse();
		assertThat(KeywordMatch.usable("  ")).isFalse();
		assertThat(KeywordMatch.usable("a*")).isTrue();
		assertThat(matches("anything", "*")).isFalse();
	}
}
