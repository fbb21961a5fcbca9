package app.chorus.publishing.queues;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.shared.ids.WorkspaceId;

/** Channels' queues (time zone and weekly slots), and what holds their slots. Every query names the workspace. */
@Repository
class QueueRecords {

	/**
	 * A variant in one of these holds its slot: it is going out then, waits for approval to go out then, or went out
	 * then. A draft, a withdrawn post, one sent back for changes or one that failed does not.
	 */
	static final List<String> HOLDING = List.of(PostStatus.SCHEDULED, PostStatus.HELD, PostStatus.IN_REVIEW,
			PostStatus.APPROVED, PostStatus.PUBLISHING, PostStatus.PUBLISHED, PostStatus.NEEDS_CONFIRMATION)
		.stream().map(PostStatus::key).toList();

	private final JdbcClient jdbc;

	QueueRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A channel's queue as stored. */
	record QueueRow(UUID channelId, ZoneId zone, List<PostingSlot> slots) {

		WeeklySlots weekly() {
			return new WeeklySlots(zone, slots);
		}
	}

	/** A post coming up on a channel. */
	record Upcoming(PostId postId, UUID variantId, Instant scheduledAt, PostStatus status, String text,
			@Nullable PostId recycledFrom) {
	}

	Optional<QueueRow> find(WorkspaceId workspace, UUID channel) {
		return all(workspace, channel).stream().findFirst();
	}

	/** Every queue of the workspace, or just the channel's when {@code channel} is given. */
	List<QueueRow> all(WorkspaceId workspace, @Nullable UUID channel) {
		Map<UUID, ZoneId> zones = new LinkedHashMap<>();
		jdbc.sql("""
				select channel_id, time_zone from publishing.queues
				where workspace_id = :ws and (cast(:channel as uuid) is null or channel_id = :channel)
				order by channel_id""")
			.param("ws", workspace.value()).param("channel", channel)
			.query(rs -> {
				zones.put(rs.getObject(1, UUID.class), ZoneId.of(rs.getString(2)));
			});
		Map<UUID, List<PostingSlot>> slots = new LinkedHashMap<>();
		jdbc.sql("""
				select channel_id, day, time from publishing.queue_slots
				where workspace_id = :ws and (cast(:channel as uuid) is null or channel_id = :channel)
				order by channel_id, day, time""")
			.param("ws", workspace.value()).param("channel", channel)
			.query(rs -> {
				slots.computeIfAbsent(rs.getObject(1, UUID.class), c -> new java.util.ArrayList<>())
					.add(new PostingSlot(DayOfWeek.of(rs.getInt(2)), rs.getObject(3, LocalTime.class)));
			});
		return zones.entrySet().stream()
			.map(e -> new QueueRow(e.getKey(), e.getValue(), slots.getOrDefault(e.getKey(), List.of())))
			.toList();
	}

	/** Replaces the channel's queue: its time zone and every slot. */
	void replace(WorkspaceId workspace, UUID channel, ZoneId zone, List<PostingSlot> slots, Instant now) {
		jdbc.sql("""
				insert into publishing.queues (channel_id, workspace_id, time_zone, updated_at) values (?, ?, ?, ?)
				on conflict (channel_id) do update set time_zone = excluded.time_zone, updated_at = excluded.updated_at
				where publishing.queues.workspace_id = excluded.workspace_id""")
			.params(channel, workspace.value(), zone.getId(), Timestamp.from(now)).update();
		jdbc.sql("delete from publishing.queue_slots where workspace_id = ? and channel_id = ?")
			.params(workspace.value(), channel).update();
		for (PostingSlot slot : slots) {
			jdbc.sql("""
					insert into publishing.queue_slots (channel_id, workspace_id, day, time) values (?, ?, ?, ?)""")
				.params(channel, workspace.value(), slot.day().getValue(), slot.time()).update();
		}
	}

	void delete(WorkspaceId workspace, UUID channel) {
		jdbc.sql("delete from publishing.queues where workspace_id = ? and channel_id = ?")
			.params(workspace.value(), channel).update();
	}

	/**
	 * Serialises placing posts into the workspace's queues until the transaction ends, so two requests at once cannot
	 * both take the same free slot.
	 */
	void lockPlacing(WorkspaceId workspace) {
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(?))) locked")
			.param("publishing.queue:" + workspace.value()).query(Integer.class).single();
	}

	/**
	 * The minutes (as the instant each starts) from {@code from} up to {@code until} that a variant on the channel
	 * holds: scheduled for that minute, or published in it.
	 */
	Set<Instant> heldMinutes(WorkspaceId workspace, UUID channel, Instant from, Instant until) {
		Set<Instant> held = new HashSet<>();
		jdbc.sql("""
				select scheduled_at from publishing.variants
				where workspace_id = :ws and channel_id = :channel and status in (:holding)
				  and scheduled_at >= :from and scheduled_at < :until
				union all
				select published_at from publishing.variants
				where workspace_id = :ws and channel_id = :channel and status = 'published'
				  and published_at >= :from and published_at < :until""")
			.param("ws", workspace.value()).param("channel", channel).param("holding", HOLDING)
			.param("from", Timestamp.from(from.truncatedTo(ChronoUnit.MINUTES))).param("until", Timestamp.from(until))
			.query(rs -> {
				held.add(rs.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MINUTES));
			});
		return held;
	}

	/** The channel's posts still to go out (scheduled, held, or waiting for approval), soonest first. */
	List<Upcoming> upcoming(WorkspaceId workspace, UUID channel, Instant from, int limit) {
		return jdbc.sql("""
				select v.post_id, v.id, v.scheduled_at, v.status, v.text, r.original_id from publishing.variants v
				left join publishing.recycled_posts r on r.post_id = v.post_id and r.workspace_id = v.workspace_id
				where v.workspace_id = :ws and v.channel_id = :channel
				  and v.status in ('scheduled', 'held', 'in_review', 'approved') and v.scheduled_at >= :from
				order by v.scheduled_at, v.id limit :limit""")
			.param("ws", workspace.value()).param("channel", channel).param("from", Timestamp.from(from))
			.param("limit", limit)
			.query((rs, n) -> new Upcoming(new PostId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant(), PostStatus.fromKey(rs.getString(4)).orElseThrow(),
					rs.getString(5), rs.getObject(6) == null ? null : new PostId(rs.getObject(6, UUID.class))))
			.list();
	}
}
