package app.chorus.publishing.queues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The posts that adding one message to the queue makes. A post's variants share one time, so channels whose next free
 * slots coincide share one post, and every other slot time gets a post of its own; earliest first, each post's
 * channels in the order they were asked for.
 */
record QueuePlan(List<Placement> posts) {

	QueuePlan {
		posts = List.copyOf(posts);
	}

	/** One post of the plan: its time and its channels. */
	record Placement(Instant at, List<UUID> channelIds) {

		Placement {
			channelIds = List.copyOf(channelIds);
		}
	}

	/** @param nextFree each channel's next free slot, in the order the channels were asked for */
	static QueuePlan of(Map<UUID, Instant> nextFree) {
		TreeMap<Instant, List<UUID>> byTime = new TreeMap<>();
		nextFree.forEach((channel, at) -> byTime.computeIfAbsent(at, t -> new ArrayList<>()).add(channel));
		return new QueuePlan(byTime.entrySet().stream().map(e -> new Placement(e.getKey(), e.getValue())).toList());
	}
}
