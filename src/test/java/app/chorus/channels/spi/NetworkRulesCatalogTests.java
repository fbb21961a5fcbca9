package app.chorus.channels.spi;

import static app.chorus.channels.spi.TestPosts.image;
import static app.chorus.channels.spi.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NetworkRulesCatalogTests {

	@Test
	void everySurfaceHasRulesWithTheirSources() {
		for (Surface surface : Surface.values()) {
			SurfaceRules rules = NetworkRulesCatalog.forNetwork(surface.network()).surface(surface);
			assertThat(rules.surface()).isEqualTo(surface);
			assertThat(rules.sources()).as(surface.key()).isNotEmpty().allMatch(source -> source.startsWith("https://"));
			assertThat(rules.maxTextLength()).as(surface.key()).isPositive();
		}
	}

	@Test
	void aNetworkRefusesAVariantForAnotherNetworksSurface() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NetworkRulesCatalog.x().check(PostVariant.text(Surface.BLUESKY_POST, "hi")))
			.withMessageContaining("bluesky-post");
		assertThatIllegalArgumentException().isThrownBy(() -> new NetworkRules(NetworkKey.X,
				Map.of(Surface.BLUESKY_POST, new SurfaceRules(Surface.BLUESKY_POST, 300, List.of()))));
	}

	@Test
	void theSkeletonConstructorStillCountsCodePointsAndTakesAnyImageOrVideo() {
		SurfaceRules legacy = new SurfaceRules(Surface.BLUESKY_POST, 3, List.of("https://example.com/doc"));
		assertThat(legacy.count(TextCountingTests.GRINNING.repeat(3))).isEqualTo(new TextCount(3, 3, "rule.unit.characters"));
		assertThat(legacy.check(NetworkKey.BLUESKY, post(Surface.BLUESKY_POST, "abc", image("image/x-anything", 1L << 40, 1, 99))))
			.isEmpty();
		assertThat(legacy.check(NetworkKey.BLUESKY, PostVariant.text(Surface.BLUESKY_POST, "abcd")))
			.extracting(RuleViolation::rule)
			.containsExactly("rule.text.too-long");
	}

	@Test
	void mimeTypesAreComparedWithoutCaseOrParameters() {
		NetworkRules x = NetworkRulesCatalog.x();
		assertThat(x.check(post(Surface.X_POST, "", image("IMAGE/JPEG", 10, 10, 10)))).isEmpty();
		assertThat(x.check(post(Surface.X_POST, "",
				TestPosts.video("video/mp4; codecs=\"avc1.42E01E\"", 10, null, null, null)))).isEmpty();
	}
}
