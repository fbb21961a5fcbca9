package app.chorus.channels.spi;

/** How a channel proves itself to its network. */
public enum AuthMethod {

	/** A handle (or DID) and an app password, exchanged for a session (Bluesky). */
	APP_PASSWORD,
	/** OAuth 2 with one application registered for the whole network (X, Meta, LinkedIn, TikTok, Google). */
	OAUTH2,
	/** OAuth 2 with an application registered per server (Mastodon instances). */
	OAUTH2_PER_INSTANCE
}
