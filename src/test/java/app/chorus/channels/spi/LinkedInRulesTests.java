package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.MIB;
import static app.chorus.channels.spi.TestPosts.image;
import static app.chorus.channels.spi.TestPosts.jpeg;
import static app.chorus.channels.spi.TestPosts.mp4;
import static app.chorus.channels.spi.TestPosts.post;
import static app.chorus.channels.spi.TestPosts.times;
import static app.chorus.channels.spi.TestPosts.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkedInRulesTests {

	private final NetworkRules linkedin = NetworkRulesCatalog.linkedin();

	private List<RuleViolation> check(String text, MediaItem... media) {
		return linkedin.check(post(Surface.LINKEDIN_POST, text, media));
	}

	@Test
	void threeThousandCharactersFitAndOneMoreDoesNot() {
		assertThat(check("a".repeat(3000))).isEmpty();
		assertThat(check("a".repeat(3001))).extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-long", "3000", "3001"));
	}

	@Test
	void upToTwentyImagesOrOneVideoNeverBoth() {
		assertThat(linkedin.check(post(Surface.LINKEDIN_POST, "", times(20, jpeg())))).isEmpty();
		assertThat(linkedin.check(post(Surface.LINKEDIN_POST, "", times(21, jpeg())))).extracting(RuleViolation::rule,
				RuleViolation::limit)
			.containsExactly(tuple("rule.media.too-many", "20"));
		assertThat(check("", jpeg(), mp4(Duration.ofSeconds(10)))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
	}

	@Test
	void imagesHaveFewerThan36152320Pixels() {
		assertThat(check("", image("image/png", 20 * MIB, 6000, 6025))).isEmpty();
		assertThat(check("", image("image/png", 20 * MIB, 7000, 6000))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-many-pixels", "36152319", "42000000", "rule.unit.pixels"));
	}

	@Test
	void videosRunThreeSecondsToThirtyMinutesAndTakeUpTo500Megabytes() {
		assertThat(check("", mp4(Duration.ofSeconds(3)))).isEmpty();
		assertThat(check("", mp4(Duration.ofMinutes(30)))).isEmpty();
		assertThat(check("", mp4(Duration.ofSeconds(2)))).extracting(RuleViolation::rule).containsExactly("rule.media.too-short");
		assertThat(check("", mp4(Duration.ofMinutes(31)))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual)
			.containsExactly(tuple("rule.media.too-long", "30", "31"));
		assertThat(check("", video("video/mp4", 500_000_000, null, null, null))).isEmpty();
		assertThat(check("", video("video/mp4", 500_000_001, null, null, null))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-large", "500", "rule.unit.megabytes"));
		assertThat(check("", video("video/quicktime", MIB, null, null, null))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
	}
}
