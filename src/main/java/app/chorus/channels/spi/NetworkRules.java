package app.chorus.channels.spi;

import java.util.List;
import java.util.Map;

/**
 * A network's limits as data: one {@link SurfaceRules} per surface it offers. Checking a variant names every rule it
 * breaks. {@link NetworkRulesCatalog} holds the rules of every network Chorus knows.
 */
public record NetworkRules(NetworkKey network, Map<Surface, SurfaceRules> surfaces) {

	public NetworkRules {
		surfaces = Map.copyOf(surfaces);
		for (Surface surface : surfaces.keySet()) {
			if (surface.network() != network) {
				throw new IllegalArgumentException(surface.key() + " is not a surface of " + network.key());
			}
		}
	}

	/** @throws IllegalArgumentException when the network has no such surface */
	public SurfaceRules surface(Surface surface) {
		SurfaceRules rules = surfaces.get(surface);
		if (rules == null) {
			throw new IllegalArgumentException(network.key() + " has no surface " + surface.key());
		}
		return rules;
	}

	/**
	 * Every rule the variant breaks; empty when it may be published.
	 * @throws IllegalArgumentException when the variant is for a surface the network does not have
	 */
	public List<RuleViolation> check(PostVariant variant) {
		return surface(variant.surface()).check(network, variant);
	}

	/** The text's length on a surface, counted the network's way, against the limit. */
	public TextCount count(Surface surface, String text) {
		return surface(surface).count(text);
	}
}
