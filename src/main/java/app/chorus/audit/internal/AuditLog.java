package app.chorus.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.audit.AuditEntry;
import app.chorus.audit.AuditFilter;
import app.chorus.shared.ids.Ids;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The entries table. Appending takes the chain's head row lock, so entries of one chain get gapless sequence numbers. */
@Repository
class AuditLog {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** What an entry says before the chain gives it a number and a hash. */
	record Draft(@Nullable UUID workspaceId, Instant occurredAt, @Nullable UUID actorId, String actorLabel,
			String action, String target, Map<String, String> details, String address, String userAgent) {
	}

	/** Appends to the chain; must run inside a transaction. */
	AuditEntry append(String chain, Draft draft) {
		jdbc.sql("insert into audit.chain_heads (chain, seq, hash) values (?, 0, ?) on conflict do nothing")
			.params(chain, AuditHashing.GENESIS).update();
		Head head = jdbc.sql("select seq, hash from audit.chain_heads where chain = ? for update").param(chain)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
		AuditEntry unsigned = new AuditEntry(Ids.next(), chain, head.seq() + 1, draft.workspaceId(),
				draft.occurredAt().truncatedTo(ChronoUnit.MICROS), draft.actorId(), draft.actorLabel(), draft.action(),
				draft.target(), new TreeMap<>(draft.details()), draft.address(), draft.userAgent(), head.hash(), "");
		AuditEntry entry = withHash(unsigned, AuditHashing.hash(unsigned));
		jdbc.sql("""
				insert into audit.entries (chain, seq, id, workspace_id, occurred_at, actor_id, actor_label, action,
				    target, details, address, user_agent, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(entry.chain(), entry.seq(), entry.id(), entry.workspaceId(), Timestamp.from(entry.occurredAt()),
					entry.actorId(), entry.actorLabel(), entry.action(), entry.target(),
					json.writeValueAsString(entry.details()), entry.address(), entry.userAgent(), entry.prevHash(),
					entry.hash())
			.update();
		jdbc.sql("update audit.chain_heads set seq = ?, hash = ? where chain = ?")
			.params(entry.seq(), entry.hash(), chain).update();
		return entry;
	}

	record Head(long seq, String hash) {
	}

	Optional<Head> head(String chain) {
		return jdbc.sql("select seq, hash from audit.chain_heads where chain = ?").param(chain)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
	}

	/** Newest first, at most {@code limit}, before sequence number {@code before} when given. */
	List<AuditEntry> page(String chain, AuditFilter filter, @Nullable Long before, int limit) {
		StringBuilder sql = new StringBuilder("select * from audit.entries where chain = :chain");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("chain", chain);
		if (before != null) {
			sql.append(" and seq < :before");
			params.put("before", before);
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			sql.append(" and action like :action");
			params.put("action", escapeLike(filter.action().strip()) + "%");
		}
		if (filter.actor() != null && !filter.actor().isBlank()) {
			sql.append(" and actor_label ilike :actor");
			params.put("actor", "%" + escapeLike(filter.actor().strip()) + "%");
		}
		if (filter.target() != null && !filter.target().isBlank()) {
			sql.append(" and target ilike :target");
			params.put("target", "%" + escapeLike(filter.target().strip()) + "%");
		}
		if (filter.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and occurred_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		sql.append(" order by seq desc limit :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(this::entry).list();
	}

	/** Every entry of the chain in order, handed over one at a time (chains can be long). */
	void walk(String chain, Consumer<AuditEntry> visitor) {
		jdbc.sql("select * from audit.entries where chain = ? order by seq").param(chain).withFetchSize(500)
			.query(this::entry).stream().forEach(visitor);
	}

	List<String> actions(String chain) {
		return new ArrayList<>(jdbc.sql("select distinct action from audit.entries where chain = ? order by action")
			.param(chain).query(String.class).list());
	}

	private AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getObject("id", UUID.class), rs.getString("chain"), rs.getLong("seq"),
				rs.getObject("workspace_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_label"), rs.getString("action"),
				rs.getString("target"), new TreeMap<>(json.readValue(rs.getString("details"), DETAILS)),
				rs.getString("address"), rs.getString("user_agent"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static AuditEntry withHash(AuditEntry e, String hash) {
		return new AuditEntry(e.id(), e.chain(), e.seq(), e.workspaceId(), e.occurredAt(), e.actorId(),
				e.actorLabel(), e.action(), e.target(), e.details(), e.address(), e.userAgent(), e.prevHash(), hash);
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
