package app.chorus.channels.spi;

import java.util.List;

/** The rules of one surface. (Skeleton: the full text and media rules land with the network rules work.) */
public record SurfaceRules(Surface surface, int maxTextLength, List<String> sources) {

	public List<RuleViolation> check(NetworkKey network, PostVariant variant) {
		int length = variant.text().codePointCount(0, variant.text().length());
		if (length > maxTextLength) {
			return List.of(new RuleViolation("text", "rule.text.too-long", Integer.toString(maxTextLength),
					Integer.toString(length), network));
		}
		return List.of();
	}
}
