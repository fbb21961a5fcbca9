package app.chorus.publishing.links;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.publishing.links.ShortLinkDetail.DailyClicks;
import app.chorus.publishing.links.ShortLinkDetail.ReferrerClicks;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Short links and their daily click counters. Every query that reads a workspace's links names the workspace; only
 * the lookup by code does not, because a click comes from anyone on the internet and the code is all it brings.
 */
@Repository
class LinkRecords {

	private final JdbcClient jdbc;

	LinkRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record LinkRow(ShortLinkId id, WorkspaceId workspaceId, String code, String targetUrl, String taggedUrl, Utm utm,
			@Nullable String campaign, @Nullable String network, Instant createdAt, @Nullable UserId createdBy,
			@Nullable UUID postId, @Nullable UUID variantId) {
	}

	/** What a click needs: which link, whose, and where to send the visitor. */
	record Destination(ShortLinkId id, WorkspaceId workspaceId, String taggedUrl) {
	}

	record Counted(LinkRow link, long clicks, long botClicks) {
	}

	private static final String COLUMNS = """
			l.id, l.workspace_id, l.code, l.target_url, l.tagged_url, l.utm_source, l.utm_medium, l.utm_campaign,
			l.utm_term, l.utm_content, l.campaign, l.network, l.created_at, l.created_by, l.post_id, l.variant_id""";

	private static final String WITH_TOTALS = "select " + COLUMNS + """
			, coalesce(c.clicks, 0) as clicks, coalesce(c.bot_clicks, 0) as bot_clicks
			from publishing.links l
			left join (select link_id, sum(count) filter (where not bot) as clicks,
			                  sum(count) filter (where bot) as bot_clicks
			           from publishing.clicks where workspace_id = :workspace group by link_id) c on c.link_id = l.id
			where l.workspace_id = :workspace""";

	/**
	 * Stores the link unless its code is taken or the post already has a link to the same tagged address; never
	 * raises a unique violation, so a caller's transaction survives a collision.
	 * @return whether the row was stored
	 */
	boolean insert(LinkRow row) {
		return jdbc.sql("""
				insert into publishing.links (id, workspace_id, code, target_url, tagged_url, utm_source, utm_medium,
				    utm_campaign, utm_term, utm_content, campaign, network, created_at, created_by, post_id, variant_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(row.id().value(), row.workspaceId().value(), row.code(), row.targetUrl(), row.taggedUrl(),
					row.utm().source(), row.utm().medium(), emptyToNull(row.utm().campaign()), row.utm().term(),
					row.utm().content(), row.campaign(), row.network(), Timestamp.from(row.createdAt()),
					row.createdBy() == null ? null : row.createdBy().value(), row.postId(), row.variantId())
			.update() == 1;
	}

	/** The link a post (or one of its variants) already has to exactly this tagged address. */
	Optional<LinkRow> findForPost(WorkspaceId workspace, UUID postId, @Nullable UUID variantId, String taggedUrl) {
		return jdbc.sql("select " + COLUMNS + """
				 from publishing.links l
				where l.workspace_id = ? and l.post_id = ? and l.variant_id is not distinct from ?
				  and md5(l.tagged_url) = md5(?) and l.tagged_url = ?""")
			.params(workspace.value(), postId, variantId, taggedUrl, taggedUrl).query(LinkRecords::link).optional();
	}

	Optional<Destination> findByCode(String code) {
		return jdbc.sql("select id, workspace_id, tagged_url from publishing.links where code = ?").param(code)
			.query((rs, n) -> new Destination(new ShortLinkId(rs.getObject("id", UUID.class)),
					new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("tagged_url")))
			.optional();
	}

	/** One more click on the day, in one statement: concurrent clicks each count. */
	void countClick(Destination link, LocalDate day, Click click) {
		jdbc.sql("""
				insert into publishing.clicks (link_id, workspace_id, day, referrer_host, bot, count)
				values (?, ?, ?, ?, ?, 1)
				on conflict (link_id, day, referrer_host, bot) do update set count = publishing.clicks.count + 1""")
			.params(link.id().value(), link.workspaceId().value(), Date.valueOf(day), click.referrerHost(),
					click.bot())
			.update();
	}

	/** The workspace's links, newest first, after {@code before} (a link id) when given. */
	List<Counted> newest(WorkspaceId workspace, @Nullable ShortLinkId before, int limit) {
		String after = before == null ? "" : " and l.id < :before";
		var statement = jdbc.sql(WITH_TOTALS + after + " order by l.id desc limit :limit")
			.param("workspace", workspace.value())
			.param("limit", limit);
		if (before != null) {
			statement = statement.param("before", before.value());
		}
		return statement.query(LinkRecords::counted).list();
	}

	Optional<Counted> find(WorkspaceId workspace, ShortLinkId id) {
		return jdbc.sql(WITH_TOTALS + " and l.id = :id").param("workspace", workspace.value())
			.param("id", id.value()).query(LinkRecords::counted).optional();
	}

	List<DailyClicks> days(WorkspaceId workspace, ShortLinkId id) {
		return jdbc.sql("""
				select day, coalesce(sum(count) filter (where not bot), 0) as clicks,
				       coalesce(sum(count) filter (where bot), 0) as bot_clicks
				from publishing.clicks where workspace_id = ? and link_id = ?
				group by day order by day desc""")
			.params(workspace.value(), id.value())
			.query((rs, n) -> new DailyClicks(rs.getDate("day").toLocalDate(), rs.getLong("clicks"),
					rs.getLong("bot_clicks")))
			.list();
	}

	List<ReferrerClicks> referrers(WorkspaceId workspace, ShortLinkId id) {
		return jdbc.sql("""
				select referrer_host, coalesce(sum(count) filter (where not bot), 0) as clicks,
				       coalesce(sum(count) filter (where bot), 0) as bot_clicks
				from publishing.clicks where workspace_id = ? and link_id = ?
				group by referrer_host order by sum(count) desc, referrer_host""")
			.params(workspace.value(), id.value())
			.query((rs, n) -> new ReferrerClicks(rs.getString("referrer_host"), rs.getLong("clicks"),
					rs.getLong("bot_clicks")))
			.list();
	}

	private static Counted counted(ResultSet rs, int rowNum) throws SQLException {
		return new Counted(link(rs, rowNum), rs.getLong("clicks"), rs.getLong("bot_clicks"));
	}

	private static LinkRow link(ResultSet rs, int rowNum) throws SQLException {
		UUID createdBy = rs.getObject("created_by", UUID.class);
		String campaign = rs.getString("utm_campaign");
		return new LinkRow(new ShortLinkId(rs.getObject("id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("code"),
				rs.getString("target_url"), rs.getString("tagged_url"),
				new Utm(rs.getString("utm_source"), rs.getString("utm_medium"), campaign == null ? "" : campaign,
						rs.getString("utm_term"), rs.getString("utm_content")),
				rs.getString("campaign"), rs.getString("network"), rs.getTimestamp("created_at").toInstant(),
				createdBy == null ? null : new UserId(createdBy), rs.getObject("post_id", UUID.class),
				rs.getObject("variant_id", UUID.class));
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}
}
