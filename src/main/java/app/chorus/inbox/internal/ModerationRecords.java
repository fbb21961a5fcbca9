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
import app.chorus.inbox.internal.InboxService.ModerationView;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Moderation actions taken from the inbox. Every query names the workspace. */
@Repository
class ModerationRecords {

	private final JdbcClient jdbc;

	ModerationRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the action as {@code pending}, before the network is asked. */
	void begin(WorkspaceId workspace, UUID id, UUID conversation, UUID item, @Nullable UUID reply, ChannelId channel,
			String action, String target, @Nullable String note, UserId takenBy, Instant at) {
		jdbc.sql("""
				insert into inbox.moderation_actions (id, workspace_id, conversation_id, item_id, reply_id, channel_id,
				    action, target, note, taken_by, taken_at, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')""")
			.params(id, workspace.value(), conversation, item, reply, channel.value(), action, target, note,
					takenBy.value(), ts(at))
			.update();
	}

	/** The reply of ours the action deleted from the network is marked deleted (its text is kept). */
	void replyDeleted(WorkspaceId workspace, UUID reply, Instant at) {
		jdbc.sql("update inbox.replies set deleted_at = ? where workspace_id = ? and id = ? and deleted_at is null")
			.params(ts(at), workspace.value(), reply).update();
	}

	/** Settles the action: {@code done}, or {@code failed} with the reason. */
	void settle(WorkspaceId workspace, UUID id, String outcome, @Nullable String errorKey, @Nullable String error) {
		jdbc.sql("""
				update inbox.moderation_actions set outcome = ?, error_key = ?, error = ?
				where workspace_id = ? and id = ?""")
			.params(outcome, errorKey, error, workspace.value(), id).update();
	}

	/** Takes a failed action up again as {@code pending}, by this person, now; {@code false} unless it had failed. */
	boolean claimForRetry(WorkspaceId workspace, UUID id, UserId takenBy, Instant at) {
		return jdbc.sql("""
				update inbox.moderation_actions set outcome = 'pending', taken_by = ?, taken_at = ?
				where workspace_id = ? and id = ? and outcome = 'failed'""")
			.params(takenBy.value(), ts(at), workspace.value(), id).update() == 1;
	}

	Optional<ModerationView> find(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from inbox.moderation_actions where workspace_id = ? and id = ?")
			.params(workspace.value(), id).query(ModerationRecords::view).optional();
	}

	/** The conversation's moderation, oldest first. */
	List<ModerationView> of(WorkspaceId workspace, UUID conversation) {
		return jdbc.sql("""
				select * from inbox.moderation_actions where workspace_id = ? and conversation_id = ?
				order by taken_at, id""")
			.params(workspace.value(), conversation).query(ModerationRecords::view).list();
	}

	private static ModerationView view(ResultSet rs, int n) throws SQLException {
		return new ModerationView(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getObject("item_id", UUID.class), rs.getString("action"), rs.getString("target"),
				rs.getString("note"), rs.getObject("taken_by", UUID.class), instant(rs, "taken_at"),
				rs.getString("outcome"), rs.getString("error_key"), rs.getString("error"),
				rs.getObject("reply_id", UUID.class));
	}
}
