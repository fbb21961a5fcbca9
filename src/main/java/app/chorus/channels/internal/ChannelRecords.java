package app.chorus.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelStatus;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Connected channels, their owners and grants. Every query names the workspace. */
@Repository
class ChannelRecords {

	private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ChannelRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record ChannelRow(ChannelId id, WorkspaceId workspaceId, NetworkKey network, String name, String accountId,
			String handle, @Nullable String displayName, @Nullable String avatarUrl, String endpoint,
			Map<String, String> settings, ChannelStatus status, int authFailures, @Nullable Instant tokenExpiresAt,
			@Nullable String lastError, UserId connectedBy, Instant connectedAt, @Nullable Instant refreshedAt) {
	}

	record GrantRow(ChannelId channelId, String granteeType, UUID granteeId, Set<ChannelPermission> permissions) {
	}

	private static final String COLUMNS = """
			id, workspace_id, network, name, account_id, handle, display_name, avatar_url, endpoint, settings::text
			as settings, status, auth_failures, token_expires_at, last_error, connected_by, connected_at, refreshed_at""";

	void insert(ChannelRow row) {
		jdbc.sql("""
				insert into channels.channels (id, workspace_id, network, name, account_id, handle, display_name,
				    avatar_url, endpoint, settings, status, auth_failures, token_expires_at, connected_by, connected_at,
				    refreshed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 0, ?, ?, ?, ?)""")
			.params(row.id().value(), row.workspaceId().value(), row.network().key(), row.name(), row.accountId(),
					row.handle(), row.displayName(), row.avatarUrl(), row.endpoint(),
					json.writeValueAsString(row.settings()), row.status().key(), timestamp(row.tokenExpiresAt()),
					row.connectedBy().value(), Timestamp.from(row.connectedAt()), timestamp(row.refreshedAt()))
			.update();
	}

	Optional<ChannelRow> find(WorkspaceId workspace, ChannelId id) {
		return jdbc.sql("select " + COLUMNS + " from channels.channels where workspace_id = ? and id = ?")
			.params(workspace.value(), id.value()).query(this::row).optional();
	}

	/** Locks the row until the transaction ends, so two refreshes of one channel never race. */
	Optional<ChannelRow> lock(WorkspaceId workspace, ChannelId id) {
		return jdbc.sql("select " + COLUMNS + " from channels.channels where workspace_id = ? and id = ? for update")
			.params(workspace.value(), id.value()).query(this::row).optional();
	}

	Optional<ChannelRow> findByAccount(WorkspaceId workspace, NetworkKey network, String accountId) {
		return jdbc.sql("select " + COLUMNS
				+ " from channels.channels where workspace_id = ? and network = ? and account_id = ?")
			.params(workspace.value(), network.key(), accountId).query(this::row).optional();
	}

	List<ChannelRow> all(WorkspaceId workspace) {
		return jdbc.sql("select " + COLUMNS + " from channels.channels where workspace_id = ? order by lower(name), id")
			.params(workspace.value()).query(this::row).list();
	}

	/** The workspaces that have at least one channel (for background work that visits every channel). */
	List<WorkspaceId> workspaces() {
		return jdbc.sql("select distinct workspace_id from channels.channels")
			.query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
	}

	/** Connected channels whose credentials expire before {@code before}, across workspaces (for the refresher). */
	List<ChannelRow> expiringBefore(Instant before, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from channels.channels where status = 'connected' and token_expires_at < ?
				order by token_expires_at limit ?""")
			.params(Timestamp.from(before), limit).query(this::row).list();
	}

	boolean rename(WorkspaceId workspace, ChannelId id, String name) {
		return jdbc.sql("update channels.channels set name = ? where workspace_id = ? and id = ?")
			.params(name, workspace.value(), id.value()).update() == 1;
	}

	/** The network accepted new credentials: the channel works again. */
	void credentialsRenewed(WorkspaceId workspace, ChannelId id, @Nullable Instant expiresAt, Instant at) {
		jdbc.sql("""
				update channels.channels set status = 'connected', auth_failures = 0, last_error = null,
				    token_expires_at = ?, refreshed_at = ?
				where workspace_id = ? and id = ?""")
			.params(timestamp(expiresAt), Timestamp.from(at), workspace.value(), id.value()).update();
	}

	/** A person connected the same account again: new endpoint, profile and settings. */
	void reconnected(ChannelRow row) {
		jdbc.sql("""
				update channels.channels set handle = ?, display_name = ?, avatar_url = ?, endpoint = ?,
				    settings = ?::jsonb, status = 'connected', auth_failures = 0, last_error = null,
				    token_expires_at = ?, refreshed_at = ?
				where workspace_id = ? and id = ?""")
			.params(row.handle(), row.displayName(), row.avatarUrl(), row.endpoint(),
					json.writeValueAsString(row.settings()), timestamp(row.tokenExpiresAt()),
					timestamp(row.refreshedAt()), row.workspaceId().value(), row.id().value())
			.update();
	}

	/** Counts one more refused authorisation and returns the count. */
	int authorizationFailed(WorkspaceId workspace, ChannelId id, String reason) {
		return jdbc.sql("""
				update channels.channels set auth_failures = auth_failures + 1, last_error = ?
				where workspace_id = ? and id = ? returning auth_failures""")
			.params(reason, workspace.value(), id.value()).query(Integer.class).single();
	}

	/** Marks the channel as needing a person; {@code false} when it already was. */
	boolean needsReauthorization(WorkspaceId workspace, ChannelId id) {
		return jdbc.sql("""
				update channels.channels set status = 'needs_reauthorization'
				where workspace_id = ? and id = ? and status <> 'needs_reauthorization'""")
			.params(workspace.value(), id.value()).update() == 1;
	}

	/** Notes a failure that is not about credentials (network down), for the health column. */
	void lastError(WorkspaceId workspace, ChannelId id, @Nullable String error) {
		jdbc.sql("update channels.channels set last_error = ? where workspace_id = ? and id = ?")
			.params(error, workspace.value(), id.value()).update();
	}

	boolean delete(WorkspaceId workspace, ChannelId id) {
		return jdbc.sql("delete from channels.channels where workspace_id = ? and id = ?")
			.params(workspace.value(), id.value()).update() == 1;
	}

	Map<ChannelId, List<UserId>> owners(WorkspaceId workspace) {
		Map<ChannelId, List<UserId>> owners = new LinkedHashMap<>();
		jdbc.sql("select channel_id, user_id from channels.owners where workspace_id = ? order by user_id")
			.params(workspace.value())
			.query((rs, n) -> Map.entry(new ChannelId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))))
			.list()
			.forEach(e -> owners.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return owners;
	}

	List<UserId> owners(WorkspaceId workspace, ChannelId id) {
		return jdbc.sql("select user_id from channels.owners where workspace_id = ? and channel_id = ? order by user_id")
			.params(workspace.value(), id.value()).query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
	}

	boolean addOwner(WorkspaceId workspace, ChannelId id, UserId user) {
		return jdbc.sql("""
				insert into channels.owners (channel_id, workspace_id, user_id) values (?, ?, ?)
				on conflict do nothing""")
			.params(id.value(), workspace.value(), user.value()).update() == 1;
	}

	boolean removeOwner(WorkspaceId workspace, ChannelId id, UserId user) {
		return jdbc.sql("delete from channels.owners where workspace_id = ? and channel_id = ? and user_id = ?")
			.params(workspace.value(), id.value(), user.value()).update() == 1;
	}

	/** The channels the person owned in the workspace, which they no longer own. */
	List<ChannelId> removeOwnerEverywhere(WorkspaceId workspace, UserId user) {
		return jdbc.sql("delete from channels.owners where workspace_id = ? and user_id = ? returning channel_id")
			.params(workspace.value(), user.value()).query((rs, n) -> new ChannelId(rs.getObject(1, UUID.class)))
			.list();
	}

	List<GrantRow> grants(WorkspaceId workspace) {
		return jdbc.sql("""
				select channel_id, grantee_type, grantee_id, permissions from channels.grants
				where workspace_id = ? order by grantee_type, grantee_id""")
			.params(workspace.value()).query(ChannelRecords::grant).list();
	}

	List<GrantRow> grants(WorkspaceId workspace, ChannelId id) {
		return jdbc.sql("""
				select channel_id, grantee_type, grantee_id, permissions from channels.grants
				where workspace_id = ? and channel_id = ? order by grantee_type, grantee_id""")
			.params(workspace.value(), id.value()).query(ChannelRecords::grant).list();
	}

	void putGrant(WorkspaceId workspace, ChannelId id, String granteeType, UUID granteeId,
			Set<ChannelPermission> permissions) {
		jdbc.sql("""
				insert into channels.grants (channel_id, workspace_id, grantee_type, grantee_id, permissions)
				values (?, ?, ?, ?, ?)
				on conflict (channel_id, grantee_type, grantee_id) do update set permissions = excluded.permissions""")
			.params(id.value(), workspace.value(), granteeType, granteeId,
					permissions.stream().map(ChannelPermission::key).sorted().toArray(String[]::new))
			.update();
	}

	boolean removeGrant(WorkspaceId workspace, ChannelId id, String granteeType, UUID granteeId) {
		return jdbc.sql("""
				delete from channels.grants
				where workspace_id = ? and channel_id = ? and grantee_type = ? and grantee_id = ?""")
			.params(workspace.value(), id.value(), granteeType, granteeId).update() == 1;
	}

	int removeGrantee(WorkspaceId workspace, String granteeType, UUID granteeId) {
		return jdbc.sql("delete from channels.grants where workspace_id = ? and grantee_type = ? and grantee_id = ?")
			.params(workspace.value(), granteeType, granteeId).update();
	}

	private ChannelRow row(ResultSet rs, int n) throws SQLException {
		return new ChannelRow(new ChannelId(rs.getObject("id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
				NetworkKey.fromKey(rs.getString("network")).orElseThrow(), rs.getString("name"),
				rs.getString("account_id"), rs.getString("handle"), rs.getString("display_name"),
				rs.getString("avatar_url"), rs.getString("endpoint"), json.readValue(rs.getString("settings"), SETTINGS),
				ChannelStatus.fromKey(rs.getString("status")), rs.getInt("auth_failures"),
				instant(rs.getTimestamp("token_expires_at")), rs.getString("last_error"),
				new UserId(rs.getObject("connected_by", UUID.class)), rs.getTimestamp("connected_at").toInstant(),
				instant(rs.getTimestamp("refreshed_at")));
	}

	private static GrantRow grant(ResultSet rs, int n) throws SQLException {
		String[] keys = (String[]) rs.getArray("permissions").getArray();
		Set<ChannelPermission> permissions = Arrays.stream(keys).map(ChannelPermission::fromKey)
			.flatMap(Optional::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
		return new GrantRow(new ChannelId(rs.getObject("channel_id", UUID.class)), rs.getString("grantee_type"),
				rs.getObject("grantee_id", UUID.class), permissions);
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
