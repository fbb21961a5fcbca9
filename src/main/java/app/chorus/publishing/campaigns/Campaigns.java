package app.chorus.publishing.campaigns;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.publishing.CampaignChanged;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * Campaigns: a name, a colour for the calendar, what it is meant to achieve, and when it runs. Posts belong to one.
 */
@Service
public class Campaigns {

	static final int MAX_NAME = 100;
	static final int MAX_OBJECTIVE = 1_000;
	private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
	private static final String DEFAULT_COLOUR = "#4f6bed";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Campaigns(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public record Campaign(UUID id, String name, String colour, String objective, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, boolean archived, Instant createdAt) {
	}

	/** What a person sends; {@code null} leaves a value as it is (on update). */
	public record CampaignInput(@Nullable String name, @Nullable String colour, @Nullable String objective,
			@Nullable String startsOn, @Nullable String endsOn, @Nullable Boolean archived) {
	}

	public List<Campaign> all(WorkspaceId workspace, boolean withArchived) {
		return jdbc.sql("select * from publishing.campaigns where workspace_id = ? and (? or not archived)"
				+ " order by archived, starts_on nulls last, lower(name)")
			.params(workspace.value(), withArchived).query(Campaigns::campaign).list();
	}

	public Optional<Campaign> find(WorkspaceId workspace, UUID id) {
		return jdbc.sql("select * from publishing.campaigns where workspace_id = ? and id = ?")
			.params(workspace.value(), id).query(Campaigns::campaign).optional();
	}

	public Campaign get(WorkspaceId workspace, UUID id) {
		return find(workspace, id).orElseThrow(() -> ChorusException.notFound("campaign"));
	}

	@Transactional
	public Campaign create(Membership membership, AuditActor who, CampaignInput input) {
		requireAllowed(membership);
		Campaign checked = check(input, null);
		UUID id = Ids.next();
		try {
			jdbc.sql("""
					insert into publishing.campaigns (id, workspace_id, name, colour, objective, starts_on, ends_on,
					    archived, created_at)
					values (?, ?, ?, ?, ?, ?, ?, false, ?)""")
				.params(id, membership.workspaceId().value(), checked.name(), checked.colour(), checked.objective(),
						date(checked.startsOn()), date(checked.endsOn()), Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw ChorusException.conflict("name", "campaign.name.taken");
		}
		events.publishEvent(new CampaignChanged(membership.workspaceId(), who, checked.name(), "created",
				RequestOrigin.current()));
		return get(membership.workspaceId(), id);
	}

	@Transactional
	public Campaign update(Membership membership, AuditActor who, UUID id, CampaignInput input) {
		requireAllowed(membership);
		Campaign current = get(membership.workspaceId(), id);
		Campaign checked = check(input, current);
		try {
			jdbc.sql("""
					update publishing.campaigns set name = ?, colour = ?, objective = ?, starts_on = ?, ends_on = ?,
					    archived = ?
					where workspace_id = ? and id = ?""")
				.params(checked.name(), checked.colour(), checked.objective(), date(checked.startsOn()),
						date(checked.endsOn()), checked.archived(), membership.workspaceId().value(), id)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw ChorusException.conflict("name", "campaign.name.taken");
		}
		events.publishEvent(new CampaignChanged(membership.workspaceId(), who, checked.name(),
				checked.archived() && !current.archived() ? "archived" : "changed", RequestOrigin.current()));
		return get(membership.workspaceId(), id);
	}

	private Campaign check(CampaignInput input, @Nullable Campaign current) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		String name = input.name() != null ? input.name().strip() : current == null ? "" : current.name();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "campaign.name.required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "campaign.name.too-long", MAX_NAME));
		}
		String colour = input.colour() != null ? input.colour().strip().toLowerCase(Locale.ROOT)
				: current == null ? DEFAULT_COLOUR : current.colour();
		if (!COLOUR.matcher(colour).matches()) {
			problems.add(new FieldProblem("colour", "campaign.colour.format"));
		}
		String objective = input.objective() != null ? input.objective().strip()
				: current == null ? "" : current.objective();
		if (objective.length() > MAX_OBJECTIVE) {
			problems.add(new FieldProblem("objective", "campaign.objective.too-long", MAX_OBJECTIVE));
		}
		LocalDate starts = input.startsOn() != null ? day("startsOn", input.startsOn(), problems)
				: current == null ? null : current.startsOn();
		LocalDate ends = input.endsOn() != null ? day("endsOn", input.endsOn(), problems)
				: current == null ? null : current.endsOn();
		if (starts != null && ends != null && ends.isBefore(starts)) {
			problems.add(new FieldProblem("endsOn", "campaign.dates.order"));
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		boolean archived = input.archived() != null ? input.archived() : current != null && current.archived();
		return new Campaign(current == null ? Ids.next() : current.id(), name, colour, objective, starts, ends,
				archived, current == null ? clock.instant() : current.createdAt());
	}

	private static @Nullable LocalDate day(String field, String value, List<FieldProblem> problems) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			problems.add(new FieldProblem(field, "campaign.date.format"));
			return null;
		}
	}

	private static void requireAllowed(Membership membership) {
		if (!membership.can(Permission.POSTS_PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}

	private static @Nullable Date date(@Nullable LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		Date starts = rs.getDate("starts_on");
		Date ends = rs.getDate("ends_on");
		return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("colour"),
				rs.getString("objective"), starts == null ? null : starts.toLocalDate(),
				ends == null ? null : ends.toLocalDate(), rs.getBoolean("archived"),
				rs.getTimestamp("created_at").toInstant());
	}
}
