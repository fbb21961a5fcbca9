package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.MIB;
import static app.chorus.channels.spi.TestPosts.hashtags;
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

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InstagramRulesTests {

	private final NetworkRules instagram = NetworkRulesCatalog.instagram();

	private List<RuleViolation> check(Surface surface, String text, MediaItem... media) {
		return instagram.check(post(surface, text, media));
	}

	@Test
	void captionsTakeTwoThousandTwoHundredCharacters() {
		assertThat(check(Surface.INSTAGRAM_FEED, "a".repeat(2200), jpeg())).isEmpty();
		assertThat(check(Surface.INSTAGRAM_FEED, "a".repeat(2201), jpeg())).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-long", "2200", "2201"));
	}

	@Test
	void emojiCountTwoBecauseInstagramDoesNotSayHowItCounts() {
		assertThat(check(Surface.INSTAGRAM_FEED, TextCountingTests.GRINNING.repeat(1100), jpeg())).isEmpty();
		assertThat(check(Surface.INSTAGRAM_FEED, TextCountingTests.GRINNING.repeat(1101), jpeg()))
			.extracting(RuleViolation::actual)
			.containsExactly("2202");
	}

	@Test
	void captionsTakeAtMostFiveHashtags() {
		assertThat(check(Surface.INSTAGRAM_REELS, hashtags(5), mp4(Duration.ofSeconds(10)))).isEmpty();
		assertThat(check(Surface.INSTAGRAM_REELS, hashtags(6), mp4(Duration.ofSeconds(10))))
			.extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit, RuleViolation::actual,
					RuleViolation::unit)
			.containsExactly(tuple("hashtags", "rule.hashtags.too-many", "5", "6", "rule.unit.hashtags"));
	}

	@Test
	void everySurfaceNeedsAttachments() {
		for (Surface surface : List.of(Surface.INSTAGRAM_FEED, Surface.INSTAGRAM_CAROUSEL, Surface.INSTAGRAM_REELS,
				Surface.INSTAGRAM_STORIES)) {
			assertThat(check(surface, "caption only")).extracting(RuleViolation::field, RuleViolation::rule)
				.as(surface.key())
				.containsExactly(tuple("media", "rule.media.required"));
		}
	}

	@Nested
	class Reels {

		@Test
		void needExactlyOneVideo() {
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(Duration.ofSeconds(30)))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_REELS, "")).extracting(RuleViolation::rule, RuleViolation::unit)
				.containsExactly(tuple("rule.media.required", "rule.unit.videos"));
			assertThat(check(Surface.INSTAGRAM_REELS, "", jpeg())).extracting(RuleViolation::field,
					RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
				.containsExactly(tuple("media[0]", "rule.media.type", "video/mp4, video/quicktime", "image/jpeg"));
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(Duration.ofSeconds(30)), mp4(Duration.ofSeconds(30))))
				.extracting(RuleViolation::rule, RuleViolation::limit)
				.containsExactly(tuple("rule.media.too-many", "1"));
		}

		@Test
		void runThreeSecondsToFifteenMinutes() {
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(Duration.ofSeconds(3)))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(Duration.ofMinutes(15)))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(Duration.ofMillis(2_900)))).extracting(
					RuleViolation::rule, RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
				.containsExactly(tuple("rule.media.too-short", "3", "2.9", "rule.unit.seconds"));
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(Duration.ofMinutes(15).plusSeconds(1)))).extracting(
					RuleViolation::rule, RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
				.containsExactly(tuple("rule.media.too-long", "15", "15.02", "rule.unit.minutes"));
		}

		@Test
		void acceptVerticalVideoUpToOneGigabyte() {
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(1080, 1920))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(1000, 100))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_REELS, "", mp4(1100, 100))).extracting(RuleViolation::rule,
					RuleViolation::actual)
				.containsExactly(tuple("rule.media.aspect-ratio", "11.00:1"));
			assertThat(check(Surface.INSTAGRAM_REELS, "", video("video/mp4", 1024 * MIB + 1, null, null, null)))
				.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::unit)
				.containsExactly(tuple("rule.media.too-large", "1", "rule.unit.gigabytes"));
		}
	}

	@Nested
	class Carousels {

		@Test
		void holdTwoToTenItems() {
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg())).extracting(RuleViolation::rule,
					RuleViolation::limit, RuleViolation::actual, RuleViolation::unit)
				.containsExactly(tuple("rule.media.too-few", "2", "1", "rule.unit.attachments"));
			assertThat(instagram.check(post(Surface.INSTAGRAM_CAROUSEL, "", times(2, jpeg())))).isEmpty();
			assertThat(instagram.check(post(Surface.INSTAGRAM_CAROUSEL, "", times(10, jpeg())))).isEmpty();
			assertThat(instagram.check(post(Surface.INSTAGRAM_CAROUSEL, "", times(11, jpeg()))))
				.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
				.containsExactly(tuple("rule.media.too-many", "10", "11"));
		}

		@Test
		void mixImagesAndVideos() {
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), mp4(1080, 1350))).isEmpty();
		}

		@Test
		void takeJpegImagesBetweenFourByFiveAndOnePointNineOneToOne() {
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(1080, 1350), jpeg(1080, 566))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(1080, 1360), jpeg(1080, 560)))
				.extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit, RuleViolation::actual,
						RuleViolation::unit)
				.containsExactly(tuple("media[0]", "rule.media.aspect-ratio", "4:5–1.91:1", "0.79:1", null),
						tuple("media[1]", "rule.media.aspect-ratio", "4:5–1.91:1", "1.93:1", null));
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), image("image/png", MIB, 1080, 1080)))
				.extracting(RuleViolation::rule, RuleViolation::actual)
				.containsExactly(tuple("rule.media.type", "image/png"));
		}

		@Test
		void takeImagesUpToEightMegabytes() {
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), image("image/jpeg", 8 * MIB, 1080, 1080)))
				.isEmpty();
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), image("image/jpeg", 8 * MIB + 1, 1080, 1080)))
				.extracting(RuleViolation::field, RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
				.containsExactly(tuple("media[1]", "rule.media.too-large", "8", "8.01"));
		}

		@Test
		void takeVideosOfThreeToSixtySeconds() {
			MediaItem portrait = video("video/mp4", 10 * MIB, 1080, 1350, Duration.ofSeconds(60));
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), portrait)).isEmpty();
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(),
					video("video/mp4", 10 * MIB, 1080, 1350, Duration.ofSeconds(61))))
				.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::unit)
				.containsExactly(tuple("rule.media.too-long", "60", "rule.unit.seconds"));
		}

		@Test
		void takeVideosBetweenFourByFiveAndSixteenByNine() {
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), mp4(1920, 1080))).isEmpty();
			assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), mp4(1080, 1920)))
				.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
				.containsExactly(tuple("rule.media.aspect-ratio", "4:5–16:9", "0.56:1"));
		}
	}

	@Test
	void feedPostsAreOneImage() {
		assertThat(check(Surface.INSTAGRAM_FEED, "", jpeg())).isEmpty();
		assertThat(check(Surface.INSTAGRAM_FEED, "", jpeg(), jpeg())).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-many", "1", "rule.unit.images"));
		assertThat(check(Surface.INSTAGRAM_FEED, "", mp4(Duration.ofSeconds(10)))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.type");
	}

	@Test
	void storiesAreOneImageOrAVideoOfUpToSixtySeconds() {
		assertThat(check(Surface.INSTAGRAM_STORIES, "", jpeg(1080, 1920))).isEmpty();
		assertThat(check(Surface.INSTAGRAM_STORIES, "", mp4(Duration.ofSeconds(60)))).isEmpty();
		assertThat(check(Surface.INSTAGRAM_STORIES, "", mp4(Duration.ofSeconds(61)))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-long", "60", "rule.unit.seconds"));
		assertThat(check(Surface.INSTAGRAM_STORIES, "", jpeg(), jpeg())).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-many");
	}

	@Test
	void unknownSizesOfPictureAndLengthAreNotViolationsButFileSizeAndTypeAre() {
		assertThat(check(Surface.INSTAGRAM_REELS, "", video("video/quicktime", MIB, null, null, null))).isEmpty();
		assertThat(check(Surface.INSTAGRAM_CAROUSEL, "", image("image/jpeg", 9 * MIB, null, null),
				image("image/gif", MIB, null, null)))
			.extracting(RuleViolation::field, RuleViolation::rule)
			.containsExactly(tuple("media[0]", "rule.media.too-large"), tuple("media[1]", "rule.media.type"));
	}

	@Test
	void everyBrokenRuleIsReportedAtOnce() {
		List<MediaItem> media = new ArrayList<>(times(9, jpeg()));
		media.add(image("image/png", MIB, 1080, 1080));
		media.add(image("image/jpeg", 12 * MIB, 1080, 1920));
		assertThat(instagram.check(post(Surface.INSTAGRAM_CAROUSEL, "a".repeat(2190) + hashtags(7), media)))
			.extracting(RuleViolation::field, RuleViolation::rule)
			.containsExactly(tuple("text", "rule.text.too-long"), tuple("hashtags", "rule.hashtags.too-many"),
					tuple("media", "rule.media.too-many"), tuple("media[9]", "rule.media.type"),
					tuple("media[10]", "rule.media.too-large"), tuple("media[10]", "rule.media.aspect-ratio"));
	}
}
