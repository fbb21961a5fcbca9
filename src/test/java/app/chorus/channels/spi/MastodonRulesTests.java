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
import java.util.Map;

import org.junit.jupiter.api.Test;

class MastodonRulesTests {

	private static List<RuleViolation> check(NetworkRules rules, String text, MediaItem... media) {
		return rules.check(post(Surface.MASTODON_STATUS, text, media));
	}

	@Test
	void defaultsAreFiveHundredCharactersWithLinksAsTwentyThree() {
		NetworkRules defaults = NetworkRulesCatalog.mastodon();
		assertThat(check(defaults, "a".repeat(500))).isEmpty();
		assertThat(check(defaults, "a".repeat(501))).extracting(RuleViolation::rule, RuleViolation::limit,
				RuleViolation::actual)
			.containsExactly(tuple("rule.text.too-long", "500", "501"));
		String link = "https://example.social/@someone/" + "1".repeat(120);
		assertThat(check(defaults, "a".repeat(476) + " " + link)).isEmpty();
		assertThat(check(defaults, "a".repeat(477) + " " + link)).extracting(RuleViolation::actual)
			.containsExactly("501");
	}

	@Test
	void theInstancesOwnLimitsComeFromTheChannelSettings() {
		NetworkRules instance = NetworkRulesCatalog.mastodon(Map.of(MastodonInstanceRules.MAX_CHARACTERS, "5000",
				MastodonInstanceRules.CHARACTERS_RESERVED_PER_URL, "30", MastodonInstanceRules.MAX_MEDIA_ATTACHMENTS,
				"6", MastodonInstanceRules.IMAGE_SIZE_LIMIT, "1000000", MastodonInstanceRules.VIDEO_SIZE_LIMIT,
				"41943040", MastodonInstanceRules.SUPPORTED_MIME_TYPES, "image/jpeg, image/png,video/mp4"));
		assertThat(check(instance, "a".repeat(5000))).isEmpty();
		assertThat(check(instance, "a".repeat(5001))).extracting(RuleViolation::limit).containsExactly("5000");
		assertThat(instance.count(Surface.MASTODON_STATUS, "x https://example.com").used()).isEqualTo(32);
		MediaItem small = image("image/jpeg", 1_000_000, 10, 10);
		assertThat(instance.check(post(Surface.MASTODON_STATUS, "six", times(6, small)))).isEmpty();
		assertThat(instance.check(post(Surface.MASTODON_STATUS, "seven", times(7, small))))
			.extracting(RuleViolation::rule, RuleViolation::limit)
			.containsExactly(tuple("rule.media.too-many", "6"));
		assertThat(check(instance, "big", image("image/png", 1_000_001, 10, 10))).extracting(RuleViolation::rule,
				RuleViolation::limit, RuleViolation::unit)
			.containsExactly(tuple("rule.media.too-large", "1", "rule.unit.megabytes"));
		assertThat(check(instance, "video", video("video/mp4", 40 * MIB + 1, null, null, null)))
			.extracting(RuleViolation::rule, RuleViolation::limit, RuleViolation::actual)
			.containsExactly(tuple("rule.media.too-large", "40", "40.01"));
		assertThat(check(instance, "webp", image("image/webp", 10, 10, 10))).extracting(RuleViolation::rule,
				RuleViolation::limit)
			.containsExactly(tuple("rule.media.type", "image/jpeg, image/png, video/mp4"));
	}

	@Test
	void missingOrUnreadableSettingsFallBackToTheDefaults() {
		NetworkRules odd = NetworkRulesCatalog.mastodon(Map.of(MastodonInstanceRules.MAX_CHARACTERS, "lots",
				MastodonInstanceRules.MAX_MEDIA_ATTACHMENTS, "0", MastodonInstanceRules.IMAGE_SIZE_LIMIT, "-5",
				MastodonInstanceRules.SUPPORTED_MIME_TYPES, " , "));
		assertThat(odd).isEqualTo(NetworkRulesCatalog.mastodon());
		assertThat(check(odd, "a".repeat(501))).extracting(RuleViolation::limit).containsExactly("500");
		assertThat(odd.check(post(Surface.MASTODON_STATUS, "five", times(5, jpeg()))))
			.extracting(RuleViolation::limit)
			.containsExactly("4");
		assertThat(check(odd, "heic", image("image/heic", 16 * MIB, 7680, 4320))).isEmpty();
		assertThat(check(odd, "heic", image("image/heic", 16 * MIB + 1, 7680, 4321))).extracting(RuleViolation::rule)
			.containsExactly("rule.media.too-large", "rule.media.too-many-pixels");
	}

	@Test
	void forNetworkReadsTheChannelSettings() {
		NetworkRules rules = NetworkRulesCatalog.forNetwork(NetworkKey.MASTODON,
				Map.of(MastodonInstanceRules.MAX_CHARACTERS, "1000"));
		assertThat(rules.surface(Surface.MASTODON_STATUS).maxTextLength()).isEqualTo(1000);
		assertThat(NetworkRulesCatalog.forNetwork(NetworkKey.MASTODON).surface(Surface.MASTODON_STATUS)
			.maxTextLength()).isEqualTo(500);
	}

	@Test
	void theContentWarningCountsWithinTheSameLimit() {
		NetworkRules defaults = NetworkRulesCatalog.mastodon();
		assertThat(defaults.check(post(Surface.MASTODON_STATUS, "a".repeat(490), Map.of("spoilerText", "b".repeat(10)))))
			.isEmpty();
		assertThat(defaults.check(post(Surface.MASTODON_STATUS, "a".repeat(490), Map.of("spoilerText", "b".repeat(11)))))
			.extracting(RuleViolation::actual)
			.containsExactly("501");
	}

	@Test
	void mentionsOfOtherServersCountWithoutTheirDomain() {
		String mention = "@someone@a.very.long.server.name.example.social ";
		assertThat(check(NetworkRulesCatalog.mastodon(), mention + "a".repeat(491))).isEmpty();
		assertThat(check(NetworkRulesCatalog.mastodon(), mention + "a".repeat(492))).hasSize(1);
	}

	@Test
	void imagesAndAVideoCannotBeMixed() {
		assertThat(check(NetworkRulesCatalog.mastodon(), "mix", jpeg(), mp4(Duration.ofSeconds(3))))
			.extracting(RuleViolation::rule)
			.containsExactly("rule.media.mixed");
		assertThat(check(NetworkRulesCatalog.mastodon(), "gif", image("image/gif", MIB, 10, 10), jpeg())).isEmpty();
	}
}
