package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.MIB;
import static app.chorus.channels.spi.TestPosts.image;
import static app.chorus.channels.spi.TestPosts.jpeg;
import static app.chorus.channels.spi.TestPosts.mp4;
import static app.chorus.channels.spi.TestPosts.post;
import static app.chorus.channels.spi.TestPosts.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FacebookRulesTests {

	private final NetworkRules facebook = NetworkRulesCatalog.facebook();

	private List<RuleViolation> check(String text, MediaItem... media) {
		return facebook.check(post(Surface.FACEBOOK_PAGE_POST, text, media));
	}

	@Test
	void pagePostsTake63206Characters() {
		assertThat(check("a".repeat(63_206))).isEmpty();
		assertThat(check("a".repeat(63_207))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-long", "63206", "63207"));
	}

	@Test
	void manyPhotosOrOneVideo() {
		assertThat(facebook.check(post(Surface.FACEBOOK_PAGE_POST, "", times(30, jpeg())))).isEmpty();
		assertThat(check("", mp4(Duration.ofMinutes(240)))).isEmpty();
		assertThat(check("", mp4(Duration.ofMinutes(241)))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-long", "4", "rule.unit.hours"));
		assertThat(check("", mp4(Duration.ofSeconds(5)), mp4(Duration.ofSeconds(5)))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-many");
		assertThat(check("", jpeg(), mp4(Duration.ofSeconds(5)))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
	}

	@Test
	void photosAreCommonImageTypesOfUpToTenMegabytes() {
		assertThat(check("", image("image/tiff", 10 * MIB, 100, 100))).isEmpty();
		assertThat(check("", image("image/tiff", 10 * MIB + 1, 100, 100))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-large");
		assertThat(check("", image("image/heic", MIB, 100, 100))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
	}
}
