package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.image;
import static app.chorus.channels.spi.TestPosts.jpeg;
import static app.chorus.channels.spi.TestPosts.mp4;
import static app.chorus.channels.spi.TestPosts.post;
import static app.chorus.channels.spi.TestPosts.times;
import static app.chorus.channels.spi.TestPosts.video;
import static app.chorus.channels.spi.TextCountingTests.E_ACUTE_DECOMPOSED;
import static app.chorus.channels.spi.TextCountingTests.FAMILY;
import static app.chorus.channels.spi.TextCountingTests.FLAG_NEPAL;
import static app.chorus.channels.spi.TextCountingTests.HAN;
import static app.chorus.channels.spi.TextCountingTests.HAN_JAMO;
import static app.chorus.channels.spi.TextCountingTests.KSSI;
import static app.chorus.channels.spi.TextCountingTests.THUMBS_UP_MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlueskyRulesTests {

	private final NetworkRules bluesky = NetworkRulesCatalog.bluesky();

	private List<RuleViolation> check(String text, MediaItem... media) {
		return bluesky.check(post(Surface.BLUESKY_POST, text, media));
	}

	@Test
	void threeHundredCharactersFitAndOneMoreDoesNot() {
		assertThat(check("a".repeat(300))).isEmpty();
		assertThat(check("a".repeat(301))).extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("text", "rule.text.too-long", "300", "301", "rule.unit.characters"));
	}

	@Test
	void emojiWithSkinTonesAndFlagsAreOneCharacterEach() {
		assertThat(check(THUMBS_UP_MEDIUM.repeat(150) + FLAG_NEPAL.repeat(150))).isEmpty();
		assertThat(check(THUMBS_UP_MEDIUM.repeat(150) + FLAG_NEPAL.repeat(151))).extracting(RuleViolation::actual)
			.containsExactly("301");
	}

	@Test
	void combiningMarksAndKoreanJamoAreOneCharacterWithTheirBase() {
		assertThat(check(E_ACUTE_DECOMPOSED.repeat(300))).isEmpty();
		assertThat(check(HAN_JAMO.repeat(300))).isEmpty();
		assertThat(check(HAN_JAMO.repeat(301))).extracting(RuleViolation::rule).containsExactly("rule.text.too-long");
		assertThat(check(HAN.repeat(301))).extracting(RuleViolation::rule).containsExactly("rule.text.too-long");
	}

	@Test
	void devanagariConjunctsWithVowelSignsAreOneCharacter() {
		assumeTrue(TextCountingTests.runtimeKnowsIndicConjuncts(), "needs JDK 22+ grapheme rules");
		assertThat(check(KSSI.repeat(250))).isEmpty();
		assertThat(check(KSSI.repeat(251))).extracting(RuleViolation::rule, RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-many-bytes", "3012"));
	}

	@Test
	void threeThousandBytesFitAndOneMoreDoesNot() {
		// é with four combining marks: one character, 10 bytes
		String tenBytes = "\u00E9" + "\u0301".repeat(4);
		String elevenBytes = "a" + "\u0301".repeat(5);
		assertThat(check(tenBytes.repeat(300))).isEmpty();
		assertThat(check(tenBytes.repeat(299) + elevenBytes)).extracting(RuleViolation::field, RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("text", "rule.text.too-many-bytes", "3000", "3001", "rule.unit.bytes"));
	}

	@Test
	void bothLimitsAreReportedWhenBothAreBroken() {
		assertThat(check(FAMILY.repeat(300))).extracting(RuleViolation::rule, RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-many-bytes", "7500"));
		assertThat(check(FAMILY.repeat(301))).extracting(RuleViolation::rule)
			.containsExactly("rule.text.too-long", "rule.text.too-many-bytes");
	}

	@Test
	void theComposerSeesCharactersAndBytes() {
		assertThat(bluesky.surface(Surface.BLUESKY_POST).counts(FAMILY + "hi")).containsExactly(
				new TextCount(3, 300, "rule.unit.characters"), new TextCount(27, 3000, "rule.unit.bytes"));
		assertThat(bluesky.count(Surface.BLUESKY_POST, FAMILY)).isEqualTo(new TextCount(1, 300, "rule.unit.characters"));
	}

	@Test
	void fourImagesOfAtMostAMillionBytes() {
		assertThat(bluesky.check(post(Surface.BLUESKY_POST, "pics", times(4, image("image/webp", 1_000_000, 10, 10)))))
			.isEmpty();
		assertThat(bluesky.check(post(Surface.BLUESKY_POST, "pics", times(5, jpeg())))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual)
			.contains(tuple("rule.media.too-many", "4", "5"));
		assertThat(check("big", image("image/png", 1_000_001, 10, 10))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-large", "1", "1.01", "rule.unit.megabytes"));
	}

	@Test
	void oneMp4VideoOfAtMostThreeMinutesAndAHundredMegabytes() {
		assertThat(check("v", mp4(Duration.ofMinutes(3)))).isEmpty();
		assertThat(check("v", mp4(Duration.ofSeconds(181)))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-long", "3", "3.02", "rule.unit.minutes"));
		assertThat(check("v", video("video/mp4", 100_000_001, null, null, null))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-large");
		assertThat(check("v", video("video/quicktime", 1_000, null, null, null))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
		assertThat(check("v", mp4(Duration.ofSeconds(5)), image("image/jpeg", 500_000, 10, 10)))
			.extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
	}
}
