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

class TikTokRulesTests {

	private final NetworkRules tiktok = NetworkRulesCatalog.tiktok();

	private List<RuleViolation> check(String text, MediaItem... media) {
		return tiktok.check(post(Surface.TIKTOK_VIDEO, text, media));
	}

	@Test
	void captionsTake2200Utf16Units() {
		assertThat(check("a".repeat(2200), mp4(Duration.ofSeconds(20)))).isEmpty();
		assertThat(check("a".repeat(2201), mp4(Duration.ofSeconds(20)))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-long", "2200", "2201"));
		assertThat(check(TextCountingTests.GRINNING.repeat(1101), mp4(Duration.ofSeconds(20))))
			.extracting(RuleViolation::actual)
			.containsExactly("2202");
	}

	@Test
	void aPostIsOneVideoOrUpTo35Photos() {
		assertThat(check("caption only")).extracting(RuleViolation::rule).containsExactly("rule.media.required");
		assertThat(tiktok.check(post(Surface.TIKTOK_VIDEO, "", times(35, jpeg())))).isEmpty();
		assertThat(tiktok.check(post(Surface.TIKTOK_VIDEO, "", times(36, jpeg())))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-many", "35", "rule.unit.images"));
		assertThat(check("", jpeg(), mp4(Duration.ofSeconds(20)))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
		assertThat(check("", image("image/png", MIB, 100, 100))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
	}

	@Test
	void videosRunUpToTenMinutesAndTakeUpToFourGigabytes() {
		assertThat(check("", mp4(Duration.ofMinutes(10)))).isEmpty();
		assertThat(check("", mp4(Duration.ofMinutes(10).plusSeconds(1)))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-long");
		assertThat(check("", video("video/webm", 4096 * MIB, null, null, null))).isEmpty();
		assertThat(check("", video("video/webm", 4096 * MIB + 1, null, null, null))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-large", "4", "rule.unit.gigabytes"));
	}

	@Test
	void photosTakeUpToTwentyMegabytes() {
		assertThat(check("", image("image/webp", 20 * MIB, 1080, 1920))).isEmpty();
		assertThat(check("", image("image/webp", 20 * MIB + 1, 1080, 1920))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-large");
	}
}
