package app.chorus.channels.spi;

import java.util.List;
import java.util.Map;

/**
 * A network's limits as data: one {@link SurfaceRules} per surface it offers. Checking a variant names every rule it
 * breaks.
 */
public record NetworkRules(NetworkKey network, Map<Surface, SurfaceRules> surfaces) {

	public NetworkRules {
		surfaces = Map.copyOf(surfaces);
	}

	public SurfaceRules surface(Surface surface) {
		SurfaceRules rules = surfaces.get(surface);
		if (rules == null) {
			throw new IllegalArgumentException(network.key() + " has no surface " + surface.key());
		}
		return rules;
	}

	/** Every rule the variant breaks; empty when it may be published. */
	public List<RuleViolation> check(PostVariant variant) {
		return surface(variant.surface()).check(network, variant);
	}
}
