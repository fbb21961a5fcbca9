package app.chorus.inbox.saved;

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

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Saved replies. Every query names the workspace. */
@Repository
class SavedReplyRecords {

	private final JdbcClient jdbc;

	SavedReplyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record SavedReplyRow(UUID id, WorkspaceId workspaceId, String name, String text, @Nullable String shortcut,
			UserId createdBy, Instant createdAt, UserId updatedBy, Instant updatedAt) {
	}

	void insert(SavedReplyRow row) {
		jdbc.sql("""
				insert into inbox.saved_replies (id, workspace_id, name, text, shortcut, created_by, created_at,
				    updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.workspaceId().value(), row.name(), row.text(), row.shortcut(),
					row.createdBy().value(), Timestamp.from(row.createdAt()), row.updatedBy().value(),
					Timestamp.from(row.updatedAt()))
			.update();
	}

	boolean update(WorkspaceId workspace, UUID id, String name, String text, @Nullable String shortcut, UserId by,
			Instant at) {
		return jdbc.sql("""
				update inbox.saved_replies set name = ?, text = ?, shortcut = ?, updated_by = ?, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(name, text, shortcut, by.value(), Timestamp.from(at), workspace.value(), id).update() == 1;
	}

	boolean delete(WorkspaceId workspace, UUID id) {
		return jdbc.sql("delete from inbox.saved_replies where workspace_id = ? and id = ?")
			.params(workspace.value(), id).update() == 1;
	}

	Optional<SavedReplyRow> find(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from inbox.saved_replies where workspace_id = ? and id = ?")
			.params(workspace.value(), id).query(SavedReplyRecords::row).optional();
	}

	/** By name, A to Z. */
	List<SavedReplyRow> all(WorkspaceId workspace) {
		return jdbc.sql("select * from inbox.saved_replies where workspace_id = ? order by lower(name), id")
			.param(workspace.value()).query(SavedReplyRecords::row).list();
	}

	/** Whether another saved reply of the workspace has this name (in any case) or this shortcut. */
	boolean nameTaken(WorkspaceId workspace, String name, @Nullable UUID except) {
		return jdbc.sql("""
				select count(*) from inbox.saved_replies
				where workspace_id = ? and lower(name) = lower(?) and id is distinct from cast(? as uuid)""")
			.params(workspace.value(), name, except).query(Long.class).single() > 0;
	}

	boolean shortcutTaken(WorkspaceId workspace, String shortcut, @Nullable UUID except) {
		return jdbc.sql("""
				select count(*) from inbox.saved_replies
				where workspace_id = ? and shortcut = ? and id is distinct from cast(? as uuid)""")
			.params(workspace.value(), shortcut, except).query(Long.class).single() > 0;
	}

	/** The names of the workspace's automation rules that reply with this saved reply. */
	List<String> rulesUsing(WorkspaceId workspace, UUID id) {
		return jdbc.sql("""
				select name from inbox.rules
				where workspace_id = ? and actions @> cast(? as jsonb) order by position, id""")
			.params(workspace.value(), "[{\"do\":\"auto-reply\",\"savedReplyId\":\"" + id + "\"}]")
			.query(String.class).list();
	}

	private static SavedReplyRow row(ResultSet rs, int n) throws SQLException {
		return new SavedReplyRow(rs.getObject("id", UUID.class),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("name"), rs.getString("text"),
				rs.getString("shortcut"), new UserId(rs.getObject("created_by", UUID.class)),
				rs.getTimestamp("created_at").toInstant(), new UserId(rs.getObject("updated_by", UUID.class)),
				rs.getTimestamp("updated_at").toInstant());
	}
}
