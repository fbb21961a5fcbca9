package app.chorus.channels.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.SocialNetwork;

/** The network adapters this Chorus has, by network. */
@Component
public class SocialNetworks {

	private final Map<NetworkKey, SocialNetwork> adapters = new EnumMap<>(NetworkKey.class);

	SocialNetworks(List<SocialNetwork> all) {
		for (SocialNetwork network : all) {
			if (adapters.put(network.key(), network) != null) {
				throw new IllegalStateException("Two adapters for " + network.key().key());
			}
		}
	}

	public Optional<SocialNetwork> find(NetworkKey key) {
		return Optional.ofNullable(adapters.get(key));
	}

	/** The networks a channel can be connected to, in a stable order. */
	public List<NetworkKey> available() {
		return List.copyOf(adapters.keySet());
	}

	/** The adapter's capability, when it has it. */
	public <T> Optional<T> capability(NetworkKey key, Class<T> capability) {
		return find(key).filter(capability::isInstance).map(capability::cast);
	}
}
