package app.chorus.inbox.internal;

import static app.chorus.inbox.internal.InboxRecords.instant;
import static app.chorus.inbox.internal.InboxRecords.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.channels.ChannelId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Where reading each channel's inbox stands. A poll first takes the channel's lease (a conditional update, so one
 * node at a time), and only the lease holder may move the cursor.
 */
@Repository
class IngestionStates {

	static final String OK = "ok";
	static final String FAILING = "failing";
	static final String NEEDS_REAUTHORIZATION = "needs_reauthorization";
	static final String UNSUPPORTED = "unsupported";

	private final JdbcClient jdbc;

	IngestionStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StateRow(ChannelId channelId, WorkspaceId workspaceId, String network, String status,
			@Nullable String cursor, Instant nextPollAt, @Nullable Instant lastPollStartedAt,
			@Nullable Instant lastPollFinishedAt, @Nullable Instant lastSuccessAt, @Nullable String lastError,
			int consecutiveFailures, @Nullable Instant newestItemAt, long itemsReceived,
			@Nullable Instant lastPushedAt) {
	}

	/** A channel to read, polled first at {@code firstPoll}; a channel known already keeps its state. */
	void add(WorkspaceId workspace, ChannelId channel, String network, Instant firstPoll) {
		jdbc.sql("""
				insert into inbox.channel_states (channel_id, workspace_id, network, next_poll_at)
				values (?, ?, ?, ?) on conflict (channel_id) do nothing""")
			.params(channel.value(), workspace.value(), network, ts(firstPoll)).update();
	}

	/** The channel was connected (again): read it at once, whatever happened before. The cursor is kept. */
	void resume(WorkspaceId workspace, ChannelId channel, String network, Instant at) {
		jdbc.sql("""
				insert into inbox.channel_states (channel_id, workspace_id, network, next_poll_at)
				values (?, ?, ?, ?)
				on conflict (channel_id) do update set next_poll_at = excluded.next_poll_at, status = 'ok',
				    consecutive_failures = 0""")
			.params(channel.value(), workspace.value(), network, ts(at)).update();
	}

	void remove(WorkspaceId workspace, ChannelId channel) {
		jdbc.sql("delete from inbox.channel_states where workspace_id = ? and channel_id = ?")
			.params(workspace.value(), channel.value()).update();
	}

	/** A lease on the channels due now (at most {@code limit}), skipping those another node holds. */
	List<StateRow> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("""
				update inbox.channel_states set lease_owner = ?, lease_until = ?, last_poll_started_at = ?
				where channel_id in (
				    select channel_id from inbox.channel_states
				    where next_poll_at <= ? and (lease_until is null or lease_until < ?)
				    order by next_poll_at limit ? for update skip locked)
				returning *""")
			.params(owner, ts(leaseUntil), ts(now), ts(now), ts(now), limit).query(IngestionStates::row).list();
	}

	/** A lease on one channel whether it is due or not, unless another poll holds it. */
	Optional<StateRow> claim(WorkspaceId workspace, ChannelId channel, String owner, Instant now,
			Instant leaseUntil) {
		return jdbc.sql("""
				update inbox.channel_states set lease_owner = ?, lease_until = ?, last_poll_started_at = ?
				where workspace_id = ? and channel_id = ? and (lease_until is null or lease_until < ?)
				returning *""")
			.params(owner, ts(leaseUntil), ts(now), workspace.value(), channel.value(), ts(now))
			.query(IngestionStates::row).optional();
	}

	/**
	 * Moves the cursor past a stored page, in the transaction that stored it.
	 * @return false when the lease was lost (another poll took over): the caller must roll back
	 */
	boolean advance(ChannelId channel, String owner, @Nullable String cursor, int newItems,
			@Nullable Instant newestItemAt) {
		return jdbc.sql("""
				update inbox.channel_states set cursor = ?, items_received = items_received + ?,
				    newest_item_at = case when newest_item_at is null or ? > newest_item_at then ?
				                          else newest_item_at end
				where channel_id = ? and lease_owner = ?""")
			.params(cursor, newItems, ts(newestItemAt), ts(newestItemAt), channel.value(), owner).update() == 1;
	}

	/**
	 * The network pushed to the channel (a webhook delivery, new items or not): counted, and its time kept, without the
	 * lease (the cursor is the poll's alone).
	 */
	void pushed(ChannelId channel, int newItems, @Nullable Instant newestItemAt, Instant at) {
		jdbc.sql("""
				update inbox.channel_states set items_received = items_received + ?,
				    newest_item_at = case when newest_item_at is null or ? > newest_item_at then ?
				                          else newest_item_at end,
				    last_pushed_at = greatest(last_pushed_at, ?)
				where channel_id = ?""")
			.params(newItems, ts(newestItemAt), ts(newestItemAt), ts(at), channel.value()).update();
	}

	/** The poll ended well: the lease is given back and the next poll is due at {@code next}. */
	void succeeded(ChannelId channel, String owner, Instant now, Instant next) {
		jdbc.sql("""
				update inbox.channel_states set status = 'ok', last_poll_finished_at = ?, last_success_at = ?,
				    last_error = null, consecutive_failures = 0, next_poll_at = ?, lease_owner = null,
				    lease_until = null
				where channel_id = ? and lease_owner = ?""")
			.params(ts(now), ts(now), ts(next), channel.value(), owner).update();
	}

	/** The poll did not get through; the cursor stays where it was. */
	void failed(ChannelId channel, String owner, String status, String error, boolean countsAsFailure, Instant now,
			Instant next) {
		jdbc.sql("""
				update inbox.channel_states set status = ?, last_poll_finished_at = ?, last_error = ?,
				    consecutive_failures = consecutive_failures + ?, next_poll_at = ?, lease_owner = null,
				    lease_until = null
				where channel_id = ? and lease_owner = ?""")
			.params(status, ts(now), error, countsAsFailure ? 1 : 0, ts(next), channel.value(), owner).update();
	}

	Optional<StateRow> find(WorkspaceId workspace, ChannelId channel) {
		return jdbc.sql("select * from inbox.channel_states where workspace_id = ? and channel_id = ?")
			.params(workspace.value(), channel.value()).query(IngestionStates::row).optional();
	}

	List<StateRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from inbox.channel_states where workspace_id = ? order by channel_id")
			.params(workspace.value()).query(IngestionStates::row).list();
	}

	private static StateRow row(ResultSet rs, int n) throws SQLException {
		return new StateRow(new ChannelId(rs.getObject("channel_id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("network"),
				rs.getString("status"), rs.getString("cursor"), instant(rs, "next_poll_at"),
				instant(rs, "last_poll_started_at"), instant(rs, "last_poll_finished_at"),
				instant(rs, "last_success_at"), rs.getString("last_error"), rs.getInt("consecutive_failures"),
				instant(rs, "newest_item_at"), rs.getLong("items_received"), instant(rs, "last_pushed_at"));
	}
}
