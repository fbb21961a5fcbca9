package app.chorus.channels.spi;

import java.util.List;
import java.util.Map;

/** Counts for the channel's posts. */
public interface MetricsReading {

	/**
	 * Current counts for each post the network still has; missing posts are left out.
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	Map<String, PostMetrics> metrics(ChannelSession session, List<RemotePostRef> posts);

	/** Counts as the network reports them; a count the network does not report is -1. */
	record PostMetrics(long likes, long reposts, long replies, long quotes, long views) {
	}
}
