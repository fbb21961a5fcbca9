package app.chorus.channels.spi;

/** Answering a post or comment on the network, as the channel. */
public interface Replying {

	/** Publishes {@code reply} as an answer to {@code to}; every outcome is a {@link PublishResult}. */
	PublishResult reply(ChannelSession session, RemotePostRef to, PostVariant reply, String idempotencyKey);
}
