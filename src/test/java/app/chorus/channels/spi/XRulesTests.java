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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class XRulesTests {

	private final NetworkRules x = NetworkRulesCatalog.x();

	private List<RuleViolation> check(String text, MediaItem... media) {
		return x.check(post(Surface.X_POST, text, media));
	}

	@Test
	void twoHundredEightyLatinCharactersFitAndOneMoreDoesNot() {
		assertThat(check("a".repeat(280))).isEmpty();
		assertThat(check("a".repeat(281))).extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("text", "rule.text.too-long", "280", "281", "rule.unit.characters"));
	}

	@Test
	void cjkAndKoreanCountTwiceSoHalfAsManyFit() {
		assertThat(check("日".repeat(140))).isEmpty();
		assertThat(check("日".repeat(141))).extracting(RuleViolation::actual).containsExactly("282");
		assertThat(check("한".repeat(141))).extracting(RuleViolation::actual).containsExactly("282");
	}

	@Test
	void emojiFamiliesCountTwoEach() {
		assertThat(check(TextCountingTests.FAMILY.repeat(140))).isEmpty();
		assertThat(check(TextCountingTests.FAMILY.repeat(140) + "a")).extracting(RuleViolation::actual)
			.containsExactly("281");
	}

	@Test
	void aLongLinkCountsTwentyThreeTowardsTheLimit() {
		String link = "https://example.com/" + "path/".repeat(40);
		assertThat(check("a".repeat(256) + " " + link)).isEmpty();
		assertThat(check("a".repeat(257) + " " + link)).extracting(RuleViolation::actual).containsExactly("281");
	}

	@Test
	void severalLinksCountTwentyThreeEach() {
		String text = "a".repeat(210) + " https://one.example.com/x https://two.example.org/" + "y".repeat(90)
				+ " three.example.com";
		assertThat(x.count(Surface.X_POST, text).used()).isEqualTo(210 + 1 + 23 + 1 + 23 + 1 + 23);
	}

	@Test
	void countTellsTheComposerWhatIsLeft() {
		TextCount count = x.count(Surface.X_POST, "Hello " + TextCountingTests.GRINNING);
		assertThat(count).isEqualTo(new TextCount(8, 280, "rule.unit.characters"));
		assertThat(count.remaining()).isEqualTo(272);
		assertThat(count.exceeded()).isFalse();
	}

	@Test
	void fourImagesFitAndAFifthIsTooMany() {
		assertThat(x.check(post(Surface.X_POST, "pics", times(4, jpeg())))).isEmpty();
		assertThat(x.check(post(Surface.X_POST, "pics", times(5, jpeg()))))
			.extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit, RuleViolation::actual,
					RuleViolation::unit)
			.containsExactly(tuple("media", "rule.media.too-many", "4", "5", "rule.unit.images"));
	}

	@Test
	void aGifOrAVideoMustBeAlone() {
		MediaItem gif = image("image/gif", MIB, 400, 300);
		assertThat(check("gif", gif)).isEmpty();
		assertThat(check("gif and photo", gif, jpeg())).extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
		assertThat(check("two gifs", gif, gif)).extracting(RuleViolation::rule, RuleViolation::limit)
			.containsExactly(tuple("rule.media.too-many", "1"));
		assertThat(check("video and photo", mp4(Duration.ofSeconds(10)), jpeg())).extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
		assertThat(check("two videos", mp4(Duration.ofSeconds(10)), mp4(Duration.ofSeconds(10))))
			.extracting(RuleViolation::rule, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-many", "rule.unit.videos"));
	}

	@Test
	void imagesUpToFiveMegabytesAndGifsUpToFifteen() {
		assertThat(check("big", image("image/png", 5 * MIB, 100, 100))).isEmpty();
		assertThat(check("too big", image("image/png", 5 * MIB + 1, 100, 100)))
			.extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit, RuleViolation::actual,
					RuleViolation::unit)
			.containsExactly(tuple("media[0]", "rule.media.too-large", "5", "5.01", "rule.unit.megabytes"));
		assertThat(check("gif", image("image/gif", 15 * MIB, 100, 100))).isEmpty();
		assertThat(check("gif", image("image/gif", 15 * MIB + 1, 100, 100))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-large");
	}

	@Test
	void videosRunHalfASecondToOneHundredFortySeconds() {
		assertThat(check("v", mp4(Duration.ofSeconds(140)))).isEmpty();
		assertThat(check("v", mp4(Duration.ofMillis(500)))).isEmpty();
		assertThat(check("v", mp4(Duration.ofSeconds(141)))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-long", "140", "141", "rule.unit.seconds"));
		assertThat(check("v", mp4(Duration.ofMillis(140_001)))).extracting(RuleViolation::actual)
			.containsExactly("140.01");
		assertThat(check("v", mp4(Duration.ofMillis(400)))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual)
			.containsExactly(tuple("rule.media.too-short", "0.5", "0.4"));
	}

	@Test
	void videosUpTo512MegabytesBetweenOneToThreeAndThreeToOne() {
		assertThat(check("v", video("video/quicktime", 512 * MIB, 1280, 720, Duration.ofSeconds(5)))).isEmpty();
		assertThat(check("v", video("video/mp4", 512 * MIB + 1, 1280, 720, Duration.ofSeconds(5))))
			.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.media.too-large", "512", "512.01"));
		assertThat(check("v", mp4(300, 900))).isEmpty();
		assertThat(check("v", mp4(300, 1000))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual)
			.containsExactly(tuple("rule.media.aspect-ratio", "1:3–3:1", "0.30:1"));
	}

	@Test
	void unknownDimensionsAndDurationAreNotViolationsButTypeAndSizeAre() {
		assertThat(check("v", video("video/mp4", MIB, null, null, null))).isEmpty();
		assertThat(check("p", image("image/heic", 6 * MIB, null, null)))
			.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.media.type", "image/jpeg, image/png, image/webp, image/gif, video/mp4, video/quicktime",
					"image/heic"));
	}

	@Test
	void aPostNeedsTextOrMedia() {
		assertThat(check("  ")).extracting(RuleViolation::rule).containsExactly("rule.post.empty");
		assertThat(check("", jpeg())).isEmpty();
	}

	@Test
	void everyBrokenRuleIsReportedAtOnce() {
		List<MediaItem> media = new ArrayList<>(times(4, jpeg()));
		media.add(image("image/png", 6 * MIB, 100, 100));
		media.add(image("image/bmp", MIB, 100, 100));
		assertThat(x.check(post(Surface.X_POST, "a".repeat(300), media))).extracting(RuleViolation::field,
				RuleViolation::rule)
			.containsExactly(tuple("text", "rule.text.too-long"), tuple("media", "rule.media.too-many"),
					tuple("media[4]", "rule.media.too-large"), tuple("media[5]", "rule.media.type"));
	}
}
