package app.chorus.inbox.internal;

import static app.chorus.inbox.internal.InboxRecords.instant;
import static app.chorus.inbox.internal.InboxRecords.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.inbox.internal.InboxService.NoteView;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** Internal notes on conversations and whom they mention. Every query names the workspace. */
@Repository
class NoteRecords {

	private final JdbcClient jdbc;

	NoteRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(UUID id, UUID author, String text, Instant createdAt, @Nullable UUID mentioned) {
	}

	void insert(WorkspaceId workspace, UUID id, UUID conversation, UserId author, String text, List<UserId> mentioned,
			Instant at) {
		jdbc.sql("""
				insert into inbox.notes (id, workspace_id, conversation_id, author_id, text, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, workspace.value(), conversation, author.value(), text, ts(at)).update();
		for (UserId member : mentioned) {
			jdbc.sql("insert into inbox.note_mentions (note_id, user_id) values (?, ?) on conflict do nothing")
				.params(id, member.value()).update();
		}
	}

	/** The conversation's notes, oldest first, each with the members it mentions. */
	List<NoteView> of(WorkspaceId workspace, UUID conversation) {
		List<Row> rows = jdbc.sql("""
				select n.id, n.author_id, n.text, n.created_at, m.user_id from inbox.notes n
				left join inbox.note_mentions m on m.note_id = n.id
				where n.workspace_id = ? and n.conversation_id = ?
				order by n.created_at, n.id, m.user_id""")
			.params(workspace.value(), conversation)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
					rs.getString("text"), instant(rs, "created_at"), rs.getObject("user_id", UUID.class)))
			.list();
		Map<UUID, List<UUID>> mentions = new LinkedHashMap<>();
		Map<UUID, Row> notes = new LinkedHashMap<>();
		for (Row row : rows) {
			notes.putIfAbsent(row.id(), row);
			List<UUID> mentioned = mentions.computeIfAbsent(row.id(), id -> new ArrayList<>());
			if (row.mentioned() != null) {
				mentioned.add(row.mentioned());
			}
		}
		return notes.values().stream().map(row -> new NoteView(row.id(), conversation, row.author(), row.text(),
				List.copyOf(mentions.get(row.id())), row.createdAt())).toList();
	}
}
