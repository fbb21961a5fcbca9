package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.mp4;
import static app.chorus.channels.spi.TestPosts.post;
import static app.chorus.channels.spi.TestPosts.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class YouTubeRulesTests {

	private final NetworkRules youtube = NetworkRulesCatalog.youtube();

	private List<RuleViolation> check(Surface surface, String description, Map<String, String> options,
			MediaItem... media) {
		return youtube.check(post(surface, description, options, media));
	}

	private List<RuleViolation> check(String description, Map<String, String> options) {
		return check(Surface.YOUTUBE_VIDEO, description, options, mp4(1920, 1080));
	}

	@Test
	void theDescriptionTakes5000Bytes() {
		assertThat(check("a".repeat(5000), Map.of())).isEmpty();
		assertThat(check("a".repeat(5001), Map.of())).extracting(RuleViolation::field, RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("text", "rule.text.too-long", "5000", "5001", "rule.unit.bytes"));
	}

	@Test
	void koreanDescriptionsFillTheBytesThreeTimesAsFast() {
		assertThat(check("한".repeat(1666), Map.of())).isEmpty();
		assertThat(check("한".repeat(1667), Map.of())).extracting(RuleViolation::actual).containsExactly("5001");
	}

	@Test
	void neitherDescriptionNorTitleMayContainAngleBrackets() {
		assertThat(check("1 < 2", Map.of("title", "Maths > all"))).extracting(RuleViolation::field,
				RuleViolation::rule, RuleViolation::actual)
			.containsExactly(tuple("text", "rule.text.forbidden-characters", "<"),
					tuple("options.title", "rule.title.forbidden-characters", ">"));
	}

	@Test
	void theTitleTakes100Characters() {
		assertThat(check("", Map.of("title", "t".repeat(100)))).isEmpty();
		assertThat(check("", Map.of("title", "t".repeat(101)))).extracting(RuleViolation::field, RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("options.title", "rule.title.too-long", "100", "101"));
	}

	@Test
	void aVideoIsRequiredAndOnlyOne() {
		assertThat(check(Surface.YOUTUBE_VIDEO, "text", Map.of())).extracting(RuleViolation::rule, RuleViolation::unit)
			.containsExactly(tuple("rule.media.required", "rule.unit.videos"));
		assertThat(check(Surface.YOUTUBE_VIDEO, "", Map.of(), mp4(1920, 1080), mp4(1920, 1080)))
			.extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-many");
		assertThat(check(Surface.YOUTUBE_VIDEO, "", Map.of(), TestPosts.jpeg())).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
		assertThat(check(Surface.YOUTUBE_VIDEO, "", Map.of(),
				video("video/x-matroska", 1_000_000, null, null, Duration.ofHours(12)))).isEmpty();
	}

	@Test
	void shortsRunUpToThreeMinutesAndAreSquareOrTaller() {
		assertThat(check(Surface.YOUTUBE_SHORT, "", Map.of(), mp4(Duration.ofMinutes(3)))).isEmpty();
		assertThat(check(Surface.YOUTUBE_SHORT, "", Map.of(), mp4(Duration.ofSeconds(181))))
			.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-long", "3", "rule.unit.minutes"));
		assertThat(check(Surface.YOUTUBE_SHORT, "", Map.of(), mp4(1080, 1080))).isEmpty();
		assertThat(check(Surface.YOUTUBE_SHORT, "", Map.of(), mp4(1920, 1080))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.media.aspect-ratio", "≤1:1", "1.78:1"));
	}
}
