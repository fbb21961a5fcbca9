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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThreadsRulesTests {

	private final NetworkRules threads = NetworkRulesCatalog.threads();

	private List<RuleViolation> check(String text, MediaItem... media) {
		return threads.check(post(Surface.THREADS_POST, text, media));
	}

	@Test
	void fiveHundredCharactersFitAndOneMoreDoesNot() {
		assertThat(check("a".repeat(500))).isEmpty();
		assertThat(check("a".repeat(501))).extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-long", "500", "501"));
	}

	@Test
	void anEmojiTakesAsManyCharactersAsItsUtf8Bytes() {
		assertThat(check(TextCountingTests.GRINNING.repeat(125))).isEmpty();
		assertThat(check(TextCountingTests.GRINNING.repeat(126))).extracting(RuleViolation::actual)
			.containsExactly("504");
		assertThat(check(TextCountingTests.FAMILY.repeat(20))).isEmpty();
		assertThat(check(TextCountingTests.FAMILY.repeat(21))).extracting(RuleViolation::actual)
			.containsExactly("525");
	}

	@Test
	void carouselsMixUpToTwentyImagesAndVideos() {
		List<MediaItem> twenty = new ArrayList<>(times(19, jpeg()));
		twenty.add(mp4(Duration.ofSeconds(30)));
		assertThat(threads.check(post(Surface.THREADS_POST, "", twenty))).isEmpty();
		twenty.add(jpeg());
		assertThat(threads.check(post(Surface.THREADS_POST, "", twenty))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-many", "20", "21", "rule.unit.attachments"));
	}

	@Test
	void imagesAreJpegOrPngOfUpToEightMegabytes() {
		assertThat(check("", image("image/png", 8 * MIB, 1000, 1000))).isEmpty();
		assertThat(check("", image("image/png", 8 * MIB + 1, 1000, 1000))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-large");
		assertThat(check("", image("image/webp", MIB, 1000, 1000))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
		assertThat(check("", jpeg(1000, 100))).isEmpty();
		assertThat(check("", jpeg(1100, 100))).extracting(RuleViolation::rule).containsExactly("rule.media.aspect-ratio");
	}

	@Test
	void videosRunUpToFiveMinutes() {
		assertThat(check("", mp4(Duration.ofMinutes(5)))).isEmpty();
		assertThat(check("", mp4(Duration.ofMinutes(5).plusSeconds(1)))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-long", "5", "rule.unit.minutes"));
	}

	@Test
	void aPostNeedsTextOrMedia() {
		assertThat(check("")).extracting(RuleViolation::rule).containsExactly("rule.post.empty");
	}
}
