package app.chorus.channels.spi;

import org.jspecify.annotations.Nullable;

/** Reading any public account (competitors, authors in the inbox). */
public interface PublicProfileReading {

	/**
	 * @throws java.util.NoSuchElementException when the network knows no account by that handle or id
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	PublicProfile profile(ChannelSession session, String handleOrId);

	record PublicProfile(String id, String handle, @Nullable String displayName, @Nullable String description,
			long followers, long following, long posts) {
	}
}
