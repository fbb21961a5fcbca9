package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.MIB;
import static app.chorus.channels.spi.TestPosts.hashtags;
import static app.chorus.channels.spi.TestPosts.image;
import static app.chorus.channels.spi.TestPosts.jpeg;
import static app.chorus.channels.spi.TestPosts.mp4;
import static app.chorus.channels.spi.TestPosts.post;
import static app.chorus.channels.spi.TestPosts.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Violations rendered as the sentences a person reads, with the bundles the app ships. */
class RuleViolationMessagesTests {

	private static String render(String bundle, Locale locale, RuleViolation violation) {
		Properties messages = load(bundle);
		Object[] arguments = violation.messageArguments((unitKey, number) -> new MessageFormat(
				messages.getProperty(unitKey), locale).format(new Object[] { number }));
		return new MessageFormat(messages.getProperty(violation.rule()), locale).format(arguments);
	}

	private static RuleViolation only(List<RuleViolation> violations) {
		assertThat(violations).hasSize(1);
		return violations.get(0);
	}

	private final RuleViolation blueskyTooLong = only(
			NetworkRulesCatalog.bluesky().check(PostVariant.text(Surface.BLUESKY_POST, "a".repeat(301))));

	@Test
	void englishSentencesCarryTheNumbersWithTheirUnits() {
		assertThat(render("messages.properties", Locale.ENGLISH, blueskyTooLong))
			.isEqualTo("The text is 301 characters long; Bluesky allows 300 characters.");
		RuleViolation facebook = only(
				NetworkRulesCatalog.facebook().check(PostVariant.text(Surface.FACEBOOK_PAGE_POST, "a".repeat(63_207))));
		assertThat(render("messages.properties", Locale.ENGLISH, facebook))
			.isEqualTo("The text is 63,207 characters long; Facebook allows 63,206 characters.");
	}

	@Test
	void englishUnitsAreSingularForOne() {
		RuleViolation twoVideos = only(NetworkRulesCatalog.x()
			.check(post(Surface.X_POST, "", mp4(Duration.ofSeconds(5)), mp4(Duration.ofSeconds(5)))));
		assertThat(render("messages.properties", Locale.ENGLISH, twoVideos))
			.isEqualTo("The post has 2 videos; X allows 1 video here.");
	}

	@Test
	void attachmentsAreNamedByTheirPosition() {
		RuleViolation tooLarge = only(NetworkRulesCatalog.instagram()
			.check(post(Surface.INSTAGRAM_CAROUSEL, "", jpeg(), image("image/jpeg", 8 * MIB + 1, 1080, 1080))));
		assertThat(tooLarge.position()).hasValue(2);
		assertThat(render("messages.properties", Locale.ENGLISH, tooLarge))
			.isEqualTo("Attachment 2 is 8.01 MB; Instagram allows 8 MB.");
		RuleViolation aspect = only(
				NetworkRulesCatalog.instagram().check(post(Surface.INSTAGRAM_FEED, "", jpeg(1080, 1360))));
		assertThat(render("messages.properties", Locale.ENGLISH, aspect))
			.isEqualTo("Attachment 1 has an aspect ratio of 0.79:1; Instagram accepts 4:5–1.91:1 here.");
	}

	@Test
	void koreanSentencesAttachTheirUnitsAndParticlesCorrectly() {
		assertThat(render("messages_ko.properties", Locale.KOREAN, blueskyTooLong))
			.isEqualTo("텍스트 길이가 301자입니다. Bluesky에서는 최대 300자까지 허용됩니다.");
		RuleViolation hashtags = only(NetworkRulesCatalog.instagram()
			.check(post(Surface.INSTAGRAM_REELS, hashtags(6), mp4(Duration.ofSeconds(10)))));
		assertThat(render("messages_ko.properties", Locale.KOREAN, hashtags))
			.isEqualTo("텍스트에 해시태그 6개가 있습니다. Instagram에서는 최대 해시태그 5개까지 허용됩니다.");
	}

	@Test
	void danishSentencesUseDanishPlurals() {
		RuleViolation twoVideos = only(NetworkRulesCatalog.x()
			.check(post(Surface.X_POST, "", mp4(Duration.ofSeconds(5)), mp4(Duration.ofSeconds(5)))));
		assertThat(render("messages_da.properties", Locale.forLanguageTag("da"), twoVideos))
			.isEqualTo("Opslaget har 2 videoer; X tillader 1 video her.");
	}

	@Test
	void nepaliSentencesAreWrittenInDevanagari() {
		String sentence = render("messages_ne.properties", Locale.forLanguageTag("ne"), blueskyTooLong);
		assertThat(sentence).contains("Bluesky", "अक्षर").doesNotContain("{");
	}

	@Test
	void everyRuleAndUnitTheCatalogProducesHasAMessageInEveryLanguage() {
		Set<String> keys = new TreeSet<>();
		for (RuleUnit unit : RuleUnit.values()) {
			keys.add(unit.key());
		}
		for (RuleViolation violation : brokenEverywhere()) {
			keys.add(violation.rule());
			if (violation.unit() != null) {
				keys.add(violation.unit());
			}
		}
		assertThat(keys).contains("rule.text.too-long", "rule.text.too-many-bytes", "rule.text.forbidden-characters",
				"rule.title.too-long", "rule.title.forbidden-characters", "rule.post.empty", "rule.hashtags.too-many",
				"rule.media.required", "rule.media.too-few", "rule.media.too-many", "rule.media.mixed",
				"rule.media.type", "rule.media.too-large", "rule.media.too-many-pixels", "rule.media.aspect-ratio",
				"rule.media.too-long", "rule.media.too-short");
		for (String bundle : List.of("messages.properties", "messages_ko.properties", "messages_ne.properties",
				"messages_da.properties")) {
			assertThat(load(bundle).stringPropertyNames()).as(bundle).containsAll(keys);
		}
	}

	@Test
	void theNetworkNameIsTheBrand() {
		assertThat(new RuleViolation("text", "rule.text.too-long", "1", "2", NetworkKey.LINKEDIN).networkName())
			.isEqualTo("LinkedIn");
		assertThat(new RuleViolation("text", "rule.text.too-long", "1", "2", NetworkKey.TIKTOK).position()).isEmpty();
	}

	private static List<RuleViolation> brokenEverywhere() {
		List<RuleViolation> all = new ArrayList<>();
		all.addAll(NetworkRulesCatalog.bluesky().check(PostVariant.text(Surface.BLUESKY_POST,
				TextCountingTests.FAMILY.repeat(301))));
		all.addAll(NetworkRulesCatalog.x().check(post(Surface.X_POST, "")));
		all.addAll(NetworkRulesCatalog.x().check(post(Surface.X_POST, "", jpeg(), mp4(Duration.ofSeconds(500)))));
		all.addAll(NetworkRulesCatalog.x().check(post(Surface.X_POST, "", mp4(Duration.ofMillis(100)))));
		all.addAll(NetworkRulesCatalog.x().check(post(Surface.X_POST, "", times(5, image("image/png", 6 * MIB, 1, 9)))));
		all.addAll(NetworkRulesCatalog.x().check(post(Surface.X_POST, "", image("image/tiff", MIB, 1, 9))));
		all.addAll(NetworkRulesCatalog.instagram().check(post(Surface.INSTAGRAM_REELS, hashtags(9))));
		all.addAll(NetworkRulesCatalog.instagram().check(post(Surface.INSTAGRAM_CAROUSEL, "", jpeg(1080, 2000))));
		all.addAll(NetworkRulesCatalog.linkedin().check(post(Surface.LINKEDIN_POST, "", jpeg(9000, 9000))));
		all.addAll(NetworkRulesCatalog.youtube()
			.check(post(Surface.YOUTUBE_VIDEO, "<", Map.of("title", "<".repeat(101)), mp4(Duration.ofHours(13)))));
		return all;
	}

	private static Properties load(String bundle) {
		Properties properties = new Properties();
		InputStream in = RuleViolationMessagesTests.class.getClassLoader().getResourceAsStream(bundle);
		assertThat(in).as(bundle).isNotNull();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
