package app.chorus.publishing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.Surface;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Posts, variants and attempts. Every query names the workspace. */
@Repository
class Posts {

	private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() {
	};
	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};
	private static final TypeReference<List<UUID>> MEDIA_IDS = new TypeReference<>() {
	};
	private static final TypeReference<List<ApprovalPolicies.Step>> STEP_LIST = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Posts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record PostRow(PostId id, WorkspaceId workspaceId, UserId authorId, String text, PostStatus status,
			@Nullable Instant scheduledAt, @Nullable String idempotencyKey, @Nullable String requestHash,
			Instant createdAt, Instant updatedAt, @Nullable UUID campaignId) {
	}

	record VariantRow(UUID id, PostId postId, WorkspaceId workspaceId, UUID channelId, NetworkKey network,
			Surface surface, int position, String text, Map<String, String> options, PostStatus status,
			@Nullable String heldReason, @Nullable Instant scheduledAt, String idempotencyKey, int attempts,
			@Nullable Instant nextAttemptAt, @Nullable String remoteId, @Nullable String remoteHash,
			@Nullable String url, @Nullable String errorKey, @Nullable String errorDetail,
			@Nullable Instant publishedAt, List<UUID> media, List<String> thread) {

		VariantRow {
			media = List.copyOf(media);
			thread = List.copyOf(thread);
		}
	}

	record AttemptRow(UUID id, int number, String node, Instant startedAt, @Nullable Instant finishedAt,
			@Nullable String outcome, @Nullable String detail) {
	}

	void insert(PostRow post) {
		jdbc.sql("""
				insert into publishing.posts (id, workspace_id, author_id, text, status, scheduled_at, idempotency_key,
				    request_hash, created_at, updated_at, campaign_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(post.id().value(), post.workspaceId().value(), post.authorId().value(), post.text(),
					post.status().key(), ts(post.scheduledAt()), post.idempotencyKey(), post.requestHash(),
					ts(post.createdAt()), ts(post.updatedAt()), post.campaignId())
			.update();
	}

	void insert(VariantRow v, Instant now) {
		jdbc.sql("""
				insert into publishing.variants (id, post_id, workspace_id, channel_id, network, surface, position, text,
				    options, status, scheduled_at, idempotency_key, updated_at, media, thread)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
			.params(v.id(), v.postId().value(), v.workspaceId().value(), v.channelId(), v.network().key(),
					v.surface().key(), v.position(), v.text(), json.writeValueAsString(v.options()), v.status().key(),
					ts(v.scheduledAt()), v.idempotencyKey(), ts(now), json.writeValueAsString(v.media()),
					json.writeValueAsString(v.thread()))
			.update();
	}

	void setCampaign(WorkspaceId workspace, PostId id, @Nullable UUID campaign) {
		jdbc.sql("update publishing.posts set campaign_id = ? where workspace_id = ? and id = ?")
			.params(campaign, workspace.value(), id.value()).update();
	}

	/** The review a post is in: the steps it must pass, the round, and the step reached (0: the first). */
	record ReviewState(List<ApprovalPolicies.Step> steps, int round, int step) {
	}

	void startReview(WorkspaceId workspace, PostId id, List<ApprovalPolicies.Step> steps, int round) {
		jdbc.sql("""
				update publishing.posts set review_steps = ?::jsonb, review_round = ?, review_step = 0
				where workspace_id = ? and id = ?""")
			.params(json.writeValueAsString(steps), round, workspace.value(), id.value()).update();
	}

	ReviewState review(WorkspaceId workspace, PostId id) {
		return jdbc.sql("""
				select review_steps::text, review_round, review_step from publishing.posts
				where workspace_id = ? and id = ?""")
			.params(workspace.value(), id.value())
			.query((rs, n) -> new ReviewState(json.readValue(rs.getString(1), STEP_LIST), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	void advanceReview(WorkspaceId workspace, PostId id, int step) {
		jdbc.sql("update publishing.posts set review_step = ? where workspace_id = ? and id = ?")
			.params(step, workspace.value(), id.value()).update();
	}

	record ReviewRow(int round, int step, UserId decidedBy, String decision, String comment, Instant decidedAt) {
	}

	void insertReview(WorkspaceId workspace, PostId id, int round, int step, UserId by, String decision,
			String comment, Instant at) {
		jdbc.sql("""
				insert into publishing.reviews (id, post_id, workspace_id, round, step, decided_by, decision, comment,
				    decided_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(app.chorus.shared.ids.Ids.next(), id.value(), workspace.value(), round, step, by.value(),
					decision, comment, ts(at))
			.update();
	}

	List<ReviewRow> reviews(WorkspaceId workspace, PostId id) {
		return jdbc.sql("""
				select round, step, decided_by, decision, comment, decided_at from publishing.reviews
				where workspace_id = ? and post_id = ? order by decided_at, round, step""")
			.params(workspace.value(), id.value())
			.query((rs, n) -> new ReviewRow(rs.getInt(1), rs.getInt(2), new UserId(rs.getObject(3, UUID.class)),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	void deleteVariants(WorkspaceId workspace, PostId id) {
		jdbc.sql("delete from publishing.variants where workspace_id = ? and post_id = ?")
			.params(workspace.value(), id.value()).update();
	}

	void rewrite(WorkspaceId workspace, PostId id, String text, @Nullable Instant scheduledAt, PostStatus status,
			Instant now) {
		jdbc.sql("""
				update publishing.posts set text = ?, scheduled_at = ?, status = ?, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(text, ts(scheduledAt), status.key(), ts(now), workspace.value(), id.value()).update();
	}

	Optional<PostRow> find(WorkspaceId workspace, PostId id) {
		return jdbc.sql("select * from publishing.posts where workspace_id = ? and id = ?")
			.params(workspace.value(), id.value()).query(Posts::post).optional();
	}

	Optional<PostRow> findByIdempotencyKey(WorkspaceId workspace, UserId author, String key) {
		return jdbc.sql("""
				select * from publishing.posts where workspace_id = ? and author_id = ? and idempotency_key = ?""")
			.params(workspace.value(), author.value(), key).query(Posts::post).optional();
	}

	/** Posts whose idempotency key starts with {@code prefix} (the posts one queue request made), oldest key first. */
	List<PostRow> findByIdempotencyKeyPrefix(WorkspaceId workspace, UserId author, String prefix) {
		return jdbc.sql("""
				select * from publishing.posts where workspace_id = ? and author_id = ? and idempotency_key like ?
				order by length(idempotency_key), idempotency_key""")
			.params(workspace.value(), author.value(), prefix.replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%")
			.query(Posts::post).list();
	}

	/** Newest first; {@code before} is the last row of the previous page. */
	List<PostRow> page(WorkspaceId workspace, @Nullable PostStatus status, @Nullable UUID channel,
			@Nullable UUID campaign, @Nullable Instant beforeCreated, @Nullable UUID beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select p.* from publishing.posts p where p.workspace_id = :ws");
		if (status != null) {
			sql.append(" and p.status = :status");
		}
		if (channel != null) {
			sql.append(" and exists (select 1 from publishing.variants v where v.post_id = p.id"
					+ " and v.workspace_id = :ws and v.channel_id = :channel)");
		}
		if (campaign != null) {
			sql.append(" and p.campaign_id = :campaign");
		}
		if (beforeCreated != null && beforeId != null) {
			sql.append(" and (p.created_at, p.id) < (:created, :id)");
		}
		sql.append(" order by p.created_at desc, p.id desc limit :limit");
		var statement = jdbc.sql(sql.toString()).param("ws", workspace.value()).param("limit", limit);
		if (status != null) {
			statement = statement.param("status", status.key());
		}
		if (channel != null) {
			statement = statement.param("channel", channel);
		}
		if (campaign != null) {
			statement = statement.param("campaign", campaign);
		}
		if (beforeCreated != null && beforeId != null) {
			statement = statement.param("created", ts(beforeCreated)).param("id", beforeId);
		}
		return statement.query(Posts::post).list();
	}

	/** A post and the moment the calendar shows it at. */
	record DatedPost(PostRow post, Instant at) {
	}

	/**
	 * Posts placed in {@code [from, to)}: a published post at the moment its last variant went out, any other at its
	 * time; earliest first. Withdrawn posts only when {@code status} asks for them; drafts without a time never.
	 */
	List<DatedPost> between(WorkspaceId workspace, Instant from, Instant to, @Nullable PostStatus status,
			@Nullable UUID channel, @Nullable UUID campaign, int limit) {
		StringBuilder sql = new StringBuilder("""
				select * from (
				  select p.*, case when p.status = 'published' then coalesce((select max(v.published_at)
				      from publishing.variants v where v.workspace_id = p.workspace_id and v.post_id = p.id),
				      p.scheduled_at) else p.scheduled_at end as shown_at
				  from publishing.posts p
				  where p.workspace_id = :ws
				    and ((p.scheduled_at >= :from and p.scheduled_at < :to) or (p.status = 'published' and exists (
				      select 1 from publishing.variants v where v.workspace_id = :ws and v.post_id = p.id
				        and v.published_at >= :from and v.published_at < :to)))""");
		sql.append(status != null ? " and p.status = :status" : " and p.status <> 'cancelled'");
		if (channel != null) {
			sql.append(" and exists (select 1 from publishing.variants v where v.workspace_id = :ws"
					+ " and v.post_id = p.id and v.channel_id = :channel)");
		}
		if (campaign != null) {
			sql.append(" and p.campaign_id = :campaign");
		}
		sql.append(") dated where shown_at >= :from and shown_at < :to order by shown_at, id limit :limit");
		var statement = jdbc.sql(sql.toString()).param("ws", workspace.value()).param("from", ts(from))
			.param("to", ts(to)).param("limit", limit);
		if (status != null) {
			statement = statement.param("status", status.key());
		}
		if (channel != null) {
			statement = statement.param("channel", channel);
		}
		if (campaign != null) {
			statement = statement.param("campaign", campaign);
		}
		return statement.query((rs, n) -> new DatedPost(post(rs, n), rs.getTimestamp("shown_at").toInstant())).list();
	}

	/** The variants of several posts at once, in each post's order. */
	List<VariantRow> variantsOf(WorkspaceId workspace, List<PostId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from publishing.variants where workspace_id = :ws and post_id in (:ids)
				order by post_id, position""")
			.param("ws", workspace.value()).param("ids", ids.stream().map(PostId::value).toList())
			.query(this::variant).list();
	}

	/** A draft's planned time, on the post and its variants; nothing goes on the schedule. */
	void moveDraft(WorkspaceId workspace, PostId id, Instant at, Instant now) {
		jdbc.sql("""
				update publishing.variants set scheduled_at = ?, updated_at = ?
				where workspace_id = ? and post_id = ? and status = 'draft'""")
			.params(ts(at), ts(now), workspace.value(), id.value()).update();
		reschedulePost(workspace, id, at, now);
	}

	List<VariantRow> variants(WorkspaceId workspace, PostId post) {
		return jdbc.sql("select * from publishing.variants where workspace_id = ? and post_id = ? order by position")
			.params(workspace.value(), post.value()).query(this::variant).list();
	}

	Optional<VariantRow> lockVariant(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from publishing.variants where workspace_id = ? and id = ? for update")
			.params(workspace.value(), id).query(this::variant).optional();
	}

	Optional<PostRow> lockPost(WorkspaceId workspace, PostId id) {
		return jdbc.sql("select * from publishing.posts where workspace_id = ? and id = ? for update")
			.params(workspace.value(), id.value()).query(Posts::post).optional();
	}

	/** Variants in these statuses (for the crisis switch and re-authorised channels), locked. */
	List<VariantRow> lockVariants(WorkspaceId workspace, PostStatus status, @Nullable String heldReason,
			@Nullable UUID channel) {
		return jdbc.sql("""
				select * from publishing.variants where workspace_id = :ws and status = :status
				  and (cast(:reason as text) is null or held_reason = :reason)
				  and (cast(:channel as uuid) is null or channel_id = :channel)
				order by scheduled_at nulls first, id for update""")
			.param("ws", workspace.value()).param("status", status.key()).param("reason", heldReason)
			.param("channel", channel).query(this::variant).list();
	}

	int heldCount(WorkspaceId workspace, String heldReason) {
		return jdbc.sql("""
				select count(*) from publishing.variants where workspace_id = ? and status = 'held' and held_reason = ?""")
			.params(workspace.value(), heldReason).query(Integer.class).single();
	}

	void updateVariantStatus(WorkspaceId workspace, UUID id, PostStatus status, @Nullable String heldReason,
			@Nullable Instant nextAttemptAt, Instant now) {
		jdbc.sql("""
				update publishing.variants set status = ?, held_reason = ?, next_attempt_at = ?, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(status.key(), heldReason, ts(nextAttemptAt), ts(now), workspace.value(), id).update();
	}

	void rescheduleVariant(WorkspaceId workspace, UUID id, Instant at, Instant now) {
		jdbc.sql("""
				update publishing.variants set status = 'scheduled', held_reason = null, scheduled_at = ?,
				    next_attempt_at = null, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(ts(at), ts(now), workspace.value(), id).update();
	}

	void published(WorkspaceId workspace, UUID id, String remoteId, @Nullable String remoteHash, String url,
			Instant publishedAt, Instant now) {
		jdbc.sql("""
				update publishing.variants set status = 'published', held_reason = null, next_attempt_at = null,
				    remote_id = ?, remote_hash = ?, url = ?, published_at = ?, error_key = null, error_detail = null,
				    updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(remoteId, remoteHash, url, ts(publishedAt), ts(now), workspace.value(), id).update();
	}

	/** A person says the variant went out (its answer was lost): published, at the address they give if any. */
	void confirmedPublished(WorkspaceId workspace, UUID id, @Nullable String url, Instant publishedAt, Instant now) {
		jdbc.sql("""
				update publishing.variants set status = 'published', held_reason = null, next_attempt_at = null,
				    url = ?, published_at = ?, error_key = null, error_detail = null, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(url, ts(publishedAt), ts(now), workspace.value(), id).update();
	}

	/** Back on the schedule at {@code at}, its error cleared; the idempotency key stays as it is. */
	void resend(WorkspaceId workspace, UUID id, Instant at, Instant now) {
		jdbc.sql("""
				update publishing.variants set status = 'scheduled', held_reason = null, scheduled_at = ?,
				    next_attempt_at = null, error_key = null, error_detail = null, updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(ts(at), ts(now), workspace.value(), id).update();
	}

	void failed(WorkspaceId workspace, UUID id, PostStatus status, String errorKey, @Nullable String detail,
			Instant now) {
		jdbc.sql("""
				update publishing.variants set status = ?, error_key = ?, error_detail = ?, next_attempt_at = null,
				    updated_at = ?
				where workspace_id = ? and id = ?""")
			.params(status.key(), errorKey, detail, ts(now), workspace.value(), id).update();
	}

	/** The network ids of a thread's parts once they are out, in order. */
	void threadPublished(WorkspaceId workspace, UUID id, List<String> refs) {
		jdbc.sql("update publishing.variants set thread_refs = ?::jsonb where workspace_id = ? and id = ?")
			.params(json.writeValueAsString(refs), workspace.value(), id).update();
	}

	void noteError(WorkspaceId workspace, UUID id, String errorKey, @Nullable String detail) {
		jdbc.sql("update publishing.variants set error_key = ?, error_detail = ? where workspace_id = ? and id = ?")
			.params(errorKey, detail, workspace.value(), id).update();
	}

	void updatePostStatus(WorkspaceId workspace, PostId id, PostStatus status, Instant now) {
		jdbc.sql("update publishing.posts set status = ?, updated_at = ? where workspace_id = ? and id = ?")
			.params(status.key(), ts(now), workspace.value(), id.value()).update();
	}

	/** Sets the post's status from its variants' (see {@link PostStatuses}). */
	void sumStatus(WorkspaceId workspace, PostId id, Instant now) {
		jdbc.sql(PostStatuses.SUM_SQL).param("now", ts(now)).param("ws", workspace.value()).param("post", id.value())
			.update();
	}

	void reschedulePost(WorkspaceId workspace, PostId id, @Nullable Instant at, Instant now) {
		jdbc.sql("update publishing.posts set scheduled_at = ?, updated_at = ? where workspace_id = ? and id = ?")
			.params(ts(at), ts(now), workspace.value(), id.value()).update();
	}

	/** Starts an attempt; its number is one more than the variant's attempts so far. */
	/** The variant is being sent: status {@code publishing} and a new attempt, numbered, recorded as started. */
	AttemptRow startAttempt(WorkspaceId workspace, UUID variant, String node, Instant now) {
		int number = jdbc.sql("""
				update publishing.variants set status = 'publishing', held_reason = null, next_attempt_at = null,
				    attempts = attempts + 1, updated_at = ?
				where workspace_id = ? and id = ? returning attempts""")
			.params(ts(now), workspace.value(), variant).query(Integer.class).single();
		UUID id = app.chorus.shared.ids.Ids.next();
		jdbc.sql("""
				insert into publishing.attempts (id, variant_id, workspace_id, number, node, started_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, variant, workspace.value(), number, node, ts(now)).update();
		return new AttemptRow(id, number, node, now, null, null, null);
	}

	void finishAttempt(WorkspaceId workspace, UUID attempt, String outcome, @Nullable String detail, Instant now) {
		jdbc.sql("""
				update publishing.attempts set finished_at = ?, outcome = ?, detail = ?
				where workspace_id = ? and id = ?""")
			.params(ts(now), outcome, detail, workspace.value(), attempt).update();
	}

	/** The variant's last attempt that started and never finished, if there is one. */
	Optional<AttemptRow> openAttempt(WorkspaceId workspace, UUID variant) {
		return jdbc.sql("""
				select * from publishing.attempts where workspace_id = ? and variant_id = ? and finished_at is null
				order by number desc limit 1""")
			.params(workspace.value(), variant).query(Posts::attempt).optional();
	}

	List<AttemptRow> attempts(WorkspaceId workspace, UUID variant) {
		return jdbc.sql("select * from publishing.attempts where workspace_id = ? and variant_id = ? order by number")
			.params(workspace.value(), variant).query(Posts::attempt).list();
	}

	/**
	 * When the channel may publish again under a cap of {@code posts} per {@code per}: empty when it may now (fewer
	 * than that many published or going out in the window), else when the oldest in the window leaves it.
	 */
	Optional<Instant> capReleases(WorkspaceId workspace, UUID channel, int posts, java.time.Duration per,
			Instant now) {
		Instant since = now.minus(per);
		int inWindow = jdbc.sql("""
				select count(*) from publishing.variants
				where workspace_id = ? and channel_id = ? and (published_at > ? or status = 'publishing')""")
			.params(workspace.value(), channel, ts(since)).query(Integer.class).single();
		if (inWindow < posts) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select published_at from publishing.variants
				where workspace_id = ? and channel_id = ? and published_at > ?
				order by published_at offset ? limit 1""")
			.params(workspace.value(), channel, ts(since), Math.max(0, inWindow - posts))
			.query(Timestamp.class).optional().map(t -> t.toInstant().plus(per).plusSeconds(1))
			.or(() -> Optional.of(now.plusSeconds(30)));
	}

	boolean paused(WorkspaceId workspace) {
		return jdbc.sql("select count(*) from publishing.pauses where workspace_id = ?").param(workspace.value())
			.query(Integer.class).single() > 0;
	}

	record PauseRow(String reason, UserId pausedBy, Instant pausedAt) {
	}

	Optional<PauseRow> pause(WorkspaceId workspace) {
		return jdbc.sql("select reason, paused_by, paused_at from publishing.pauses where workspace_id = ?")
			.param(workspace.value())
			.query((rs, n) -> new PauseRow(rs.getString(1), new UserId(rs.getObject(2, UUID.class)),
					rs.getTimestamp(3).toInstant()))
			.optional();
	}

	boolean startPause(WorkspaceId workspace, String reason, UserId by, Instant now) {
		return jdbc.sql("""
				insert into publishing.pauses (workspace_id, reason, paused_by, paused_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(workspace.value(), reason, by.value(), ts(now)).update() == 1;
	}

	boolean endPause(WorkspaceId workspace) {
		return jdbc.sql("delete from publishing.pauses where workspace_id = ?").param(workspace.value()).update() == 1;
	}

	private static PostRow post(ResultSet rs, int n) throws SQLException {
		return new PostRow(new PostId(rs.getObject("id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
				new UserId(rs.getObject("author_id", UUID.class)), rs.getString("text"),
				PostStatus.fromKey(rs.getString("status")).orElseThrow(), instant(rs, "scheduled_at"),
				rs.getString("idempotency_key"), rs.getString("request_hash"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getObject("campaign_id", UUID.class));
	}

	private VariantRow variant(ResultSet rs, int n) throws SQLException {
		return new VariantRow(rs.getObject("id", UUID.class), new PostId(rs.getObject("post_id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getObject("channel_id", UUID.class),
				NetworkKey.fromKey(rs.getString("network")).orElseThrow(),
				Surface.fromKey(rs.getString("surface")).orElseThrow(), rs.getInt("position"), rs.getString("text"),
				json.readValue(rs.getString("options"), OPTIONS), PostStatus.fromKey(rs.getString("status")).orElseThrow(),
				rs.getString("held_reason"), instant(rs, "scheduled_at"), rs.getString("idempotency_key"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("remote_id"),
				rs.getString("remote_hash"), rs.getString("url"), rs.getString("error_key"),
				rs.getString("error_detail"), instant(rs, "published_at"),
				json.readValue(rs.getString("media"), MEDIA_IDS), json.readValue(rs.getString("thread"), TEXTS));
	}

	private static AttemptRow attempt(ResultSet rs, int n) throws SQLException {
		return new AttemptRow(rs.getObject("id", UUID.class), rs.getInt("number"), rs.getString("node"),
				instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("outcome"), rs.getString("detail"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
