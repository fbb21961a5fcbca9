package app.chorus.publishing.queues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.publishing.PostId;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Evergreen posts and the copies they made. Every query names the workspace, but the sweep for due posts. */
@Repository
class EvergreenRecords {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	EvergreenRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record EvergreenRow(PostId postId, WorkspaceId workspaceId, int everyDays, @Nullable Integer maxTimes,
			@Nullable Instant endsAt, int timesRecycled, Instant lastOutAt, Instant nextDueAt, UserId startedBy,
			Instant startedAt, @Nullable String lastError, List<String> lastErrorArguments) {

		EvergreenRow {
			lastErrorArguments = List.copyOf(lastErrorArguments);
		}
	}

	record CopyRow(PostId copyId, int number, Instant recycledAt) {
	}

	record Due(WorkspaceId workspaceId, PostId postId) {
	}

	/** A post with at least one variant published, for choosing one to make evergreen. */
	record PublishedRow(PostId postId, String text, Instant publishedAt) {
	}

	/** Starts the post's recycling, or changes it; the count so far and the last error are kept, the error cleared. */
	void save(EvergreenRow row) {
		jdbc.sql("""
				insert into publishing.evergreen (post_id, workspace_id, every_days, max_times, ends_at, times_recycled,
				    last_out_at, next_due_at, started_by, started_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (post_id) do update set every_days = excluded.every_days, max_times = excluded.max_times,
				    ends_at = excluded.ends_at, last_out_at = excluded.last_out_at, next_due_at = excluded.next_due_at,
				    started_by = excluded.started_by, started_at = excluded.started_at, last_error = null,
				    last_error_args = '[]'
				where publishing.evergreen.workspace_id = excluded.workspace_id""")
			.params(row.postId().value(), row.workspaceId().value(), row.everyDays(), row.maxTimes(), ts(row.endsAt()),
					row.timesRecycled(), ts(row.lastOutAt()), ts(row.nextDueAt()), row.startedBy().value(),
					ts(row.startedAt()))
			.update();
	}

	Optional<EvergreenRow> find(WorkspaceId workspace, PostId post) {
		return jdbc.sql("select * from publishing.evergreen where workspace_id = ? and post_id = ?")
			.params(workspace.value(), post.value()).query(this::row).optional();
	}

	/** The workspace's evergreen posts, the next to come round first. */
	List<EvergreenRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from publishing.evergreen where workspace_id = ? order by next_due_at, post_id")
			.param(workspace.value()).query(this::row).list();
	}

	/**
	 * Evergreen posts due by {@code now}, in every workspace (the recurring task's sweep; each is then handled within
	 * its own workspace).
	 */
	List<Due> due(Instant now, int limit) {
		return jdbc.sql("""
				select workspace_id, post_id from publishing.evergreen where next_due_at <= ?
				order by next_due_at, post_id limit ?""")
			.params(ts(now), limit)
			.query((rs, n) -> new Due(new WorkspaceId(rs.getObject(1, UUID.class)),
					new PostId(rs.getObject(2, UUID.class))))
			.list();
	}

	/** The evergreen post when it is due, locked; empty when it is not due or another node is recycling it. */
	Optional<EvergreenRow> lockDue(WorkspaceId workspace, PostId post, Instant now) {
		return jdbc.sql("""
				select * from publishing.evergreen where workspace_id = ? and post_id = ? and next_due_at <= ?
				for update skip locked""")
			.params(workspace.value(), post.value(), ts(now)).query(this::row).optional();
	}

	boolean delete(WorkspaceId workspace, PostId post) {
		return jdbc.sql("delete from publishing.evergreen where workspace_id = ? and post_id = ?")
			.params(workspace.value(), post.value()).update() == 1;
	}

	void recycled(WorkspaceId workspace, PostId post, int times, Instant lastOut, Instant nextDue) {
		jdbc.sql("""
				update publishing.evergreen set times_recycled = ?, last_out_at = ?, next_due_at = ?, last_error = null,
				    last_error_args = '[]'
				where workspace_id = ? and post_id = ?""")
			.params(times, ts(lastOut), ts(nextDue), workspace.value(), post.value()).update();
	}

	void failed(WorkspaceId workspace, PostId post, String error, List<String> arguments, Instant nextDue) {
		jdbc.sql("""
				update publishing.evergreen set last_error = ?, last_error_args = ?::jsonb, next_due_at = ?
				where workspace_id = ? and post_id = ?""")
			.params(error, json.writeValueAsString(arguments), ts(nextDue), workspace.value(), post.value()).update();
	}

	void insertCopy(WorkspaceId workspace, PostId copy, PostId original, int number, Instant now) {
		jdbc.sql("""
				insert into publishing.recycled_posts (post_id, original_id, workspace_id, number, recycled_at)
				values (?, ?, ?, ?, ?)""")
			.params(copy.value(), original.value(), workspace.value(), number, ts(now)).update();
	}

	/** The copies the post made, the first first. */
	List<CopyRow> copies(WorkspaceId workspace, PostId original) {
		return jdbc.sql("""
				select post_id, number, recycled_at from publishing.recycled_posts
				where workspace_id = ? and original_id = ? order by number, recycled_at, post_id""")
			.params(workspace.value(), original.value())
			.query((rs, n) -> new CopyRow(new PostId(rs.getObject(1, UUID.class)), rs.getInt(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** The posts that went out most recently (at least one variant published), newest first. */
	List<PublishedRow> recentlyPublished(WorkspaceId workspace, int limit) {
		return jdbc.sql("""
				select p.id, p.text, max(v.published_at) as published_at from publishing.posts p
				join publishing.variants v on v.post_id = p.id and v.workspace_id = p.workspace_id
				where p.workspace_id = ? and v.status = 'published' and v.published_at is not null
				group by p.id, p.text order by published_at desc, p.id desc limit ?""")
			.params(workspace.value(), limit)
			.query((rs, n) -> new PublishedRow(new PostId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	private EvergreenRow row(ResultSet rs, int n) throws SQLException {
		Timestamp endsAt = rs.getTimestamp("ends_at");
		return new EvergreenRow(new PostId(rs.getObject("post_id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getInt("every_days"),
				rs.getObject("max_times", Integer.class), endsAt == null ? null : endsAt.toInstant(),
				rs.getInt("times_recycled"), rs.getTimestamp("last_out_at").toInstant(),
				rs.getTimestamp("next_due_at").toInstant(), new UserId(rs.getObject("started_by", UUID.class)),
				rs.getTimestamp("started_at").toInstant(), rs.getString("last_error"),
				json.readValue(rs.getString("last_error_args"), STRINGS));
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
