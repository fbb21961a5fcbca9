package app.chorus.notifications.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications.NoticeView;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** The stored notices; every query is scoped by workspace and recipient. */
@Repository
public class Notices {

	private final JdbcClient jdbc;

	Notices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, Notice notice, Instant at, boolean emailed) {
		jdbc.sql("""
				insert into notifications.notices (id, workspace_id, recipient_id, message_key, arguments, link,
				    created_at, emailed)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, notice.workspaceId().value(), notice.recipient().value(), notice.messageKey(),
					notice.arguments().toArray(String[]::new), notice.link(), Timestamp.from(at), emailed)
			.update();
	}

	public List<NoticeView> recent(WorkspaceId workspace, UserId recipient, int limit) {
		return jdbc.sql("""
				select id, message_key, arguments, link, created_at, read_at from notifications.notices
				where workspace_id = ? and recipient_id = ? order by created_at desc, id desc limit ?""")
			.params(workspace.value(), recipient.value(), limit).query(Notices::view).list();
	}

	public int unread(WorkspaceId workspace, UserId recipient) {
		return jdbc.sql("""
				select count(*) from notifications.notices
				where workspace_id = ? and recipient_id = ? and read_at is null""")
			.params(workspace.value(), recipient.value()).query(Integer.class).single();
	}

	public boolean markRead(WorkspaceId workspace, UserId recipient, UUID id, Instant at) {
		return jdbc.sql("""
				update notifications.notices set read_at = coalesce(read_at, ?)
				where workspace_id = ? and recipient_id = ? and id = ?""")
			.params(Timestamp.from(at), workspace.value(), recipient.value(), id).update() == 1;
	}

	public int markAllRead(WorkspaceId workspace, UserId recipient, Instant at) {
		return jdbc.sql("""
				update notifications.notices set read_at = ?
				where workspace_id = ? and recipient_id = ? and read_at is null""")
			.params(Timestamp.from(at), workspace.value(), recipient.value()).update();
	}

	private static NoticeView view(ResultSet rs, int row) throws SQLException {
		Array arguments = rs.getArray("arguments");
		Timestamp read = rs.getTimestamp("read_at");
		return new NoticeView(rs.getObject("id", UUID.class), rs.getString("message_key"),
				Arrays.asList((String[]) arguments.getArray()), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}
}
