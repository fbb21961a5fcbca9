package app.chorus.channels.spi;

/**
 * A network adapter. Every adapter publishes; what else it can do it says by implementing the capability interfaces
 * ({@link AppPasswordConnecting}, {@link SessionRefreshing}, {@link InboxReading}, {@link Replying},
 * {@link Moderating}, {@link MetricsReading}, {@link Deleting}, {@link PublicProfileReading}). Adapters are stateless
 * Spring beans; they never touch the database or the web session: everything they need comes in the
 * {@link ChannelSession}.
 */
public interface SocialNetwork {

	NetworkKey key();

	AuthMethod auth();

	/** The network's limits as data, with the documentation each one comes from. */
	NetworkRules rules();

	/**
	 * The rules for one channel: networks whose limits differ per server (Mastodon instances) read them from the
	 * channel's settings, which the adapter filled in when the channel connected.
	 */
	default NetworkRules rules(java.util.Map<String, String> channelSettings) {
		return rules();
	}

	/**
	 * Publishes a variant. The same {@code idempotencyKey} for the same variant never makes a second post where the
	 * network supports idempotency; where it does not, the caller must not retry blindly after a lost answer.
	 * Never throws for network trouble: every outcome is a {@link PublishResult}.
	 */
	PublishResult publish(ChannelSession session, PostVariant variant, String idempotencyKey);

	/**
	 * How long the network keeps its promise that a second publish with the same idempotency key makes no second post
	 * (and answers with the first), even when the first answer was lost. Within it, a publish whose answer was lost can
	 * be sent again safely; after it (or when this is zero: no promise) a person must look before anything is resent.
	 */
	default java.time.Duration idempotencyWindow() {
		return java.time.Duration.ZERO;
	}

	/** The network's caps on how many posts one account may publish, per window; empty when it documents none. */
	default java.util.List<PostingCap> postingCaps() {
		return java.util.List.of();
	}
}
