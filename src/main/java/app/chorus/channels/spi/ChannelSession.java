package app.chorus.channels.spi;

import java.util.Map;
import java.util.UUID;

/**
 * What an adapter gets for one call: the channel, its account at the network, where to reach the network, and valid
 * credentials (the channels module refreshes them beforehand).
 * @param endpoint the service to call: a Bluesky PDS, a Mastodon instance, or the network's API base
 * @param accountId the account's stable id at the network (a DID, an account id)
 * @param settings non-secret per-channel settings (instance limits, page id)
 */
public record ChannelSession(UUID channelId, String endpoint, String accountId, String handle, Credentials credentials,
		Map<String, String> settings) {

	public ChannelSession {
		settings = Map.copyOf(settings);
	}
}
