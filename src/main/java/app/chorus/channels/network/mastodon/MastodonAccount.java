package app.chorus.channels.network.mastodon;

import org.jspecify.annotations.Nullable;

/**
 * An Account as the API returns it (docs.joinmastodon.org/entities/Account), the fields Chorus reads.
 * @param acct {@code username} for local accounts, {@code username@domain} for remote ones
 * @param note the profile text, as HTML
 */
record MastodonAccount(String id, String username, String acct, @Nullable String displayName, @Nullable String note,
		@Nullable String url, @Nullable String avatar, long followersCount, long followingCount, long statusesCount) {

	/** The full handle, with the domain even for accounts local to {@code instanceDomain}. */
	String handle(String instanceDomain) {
		return acct.contains("@") ? acct : acct + "@" + instanceDomain;
	}

	@Nullable String displayNameOrNull() {
		return displayName == null || displayName.isBlank() ? null : displayName;
	}
}
