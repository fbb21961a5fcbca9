package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.hashtags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The text rules as data, independent of any one network's figures. */
class TextRulesTests {

	private static List<RuleViolation> check(TextRules rules, String text) {
		return rules.check(NetworkKey.INSTAGRAM, "text", "rule.text", text, Map.of());
	}

	@Test
	void aThirtyHashtagRuleTakesThirtyAndRefusesThirtyOne() {
		TextRules rules = TextRules.of(TextCounting.UTF16_UNITS, 2200).withMaxHashtags(30);
		assertThat(check(rules, hashtags(30))).isEmpty();
		assertThat(check(rules, hashtags(31))).extracting(RuleViolation::field, RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("hashtags", "rule.hashtags.too-many", "30", "31"));
	}

	@Test
	void onlyRealHashtagsCount() {
		assertThat(TextEntities.hashtagCount("#one #två #셋 #चार ＃five")).isEqualTo(5);
		assertThat(TextEntities.hashtagCount("#1 #2024 a#b c&#39; https://example.com/page#section")).isZero();
		assertThat(TextEntities.hashtagCount("(#inside) end.#after")).isEqualTo(2);
	}

	@Test
	void forbiddenCharactersAreNamed() {
		TextRules rules = TextRules.of(TextCounting.UTF8_BYTES, 5000).withForbiddenCharacters("<>");
		assertThat(check(rules, "a < b and c <d")).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("rule.text.forbidden-characters", "< >", "<", null));
		assertThat(check(rules, "no brackets")).isEmpty();
	}

	@Test
	void limitsMayNotBeNegative() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> TextRules.of(TextCounting.GRAPHEMES, -1));
	}
}
