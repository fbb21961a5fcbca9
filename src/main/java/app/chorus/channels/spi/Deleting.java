package app.chorus.channels.spi;

/** Deleting one of the channel's own posts. */
public interface Deleting {

	/**
	 * Deletes the post; deleting one that is already gone succeeds.
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	void delete(ChannelSession session, RemotePostRef post);
}
