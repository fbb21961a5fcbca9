package app.chorus.inbox.api;

import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.inbox.internal.Callers;
import app.chorus.inbox.internal.SlaPolicies;
import app.chorus.inbox.internal.SlaPolicies.PolicyView;
import app.chorus.inbox.sla.BusinessHours.Opening;
import app.chorus.inbox.sla.SlaPolicy;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The service-level targets conversations are measured against: the workspace's, and each team's that has its own. */
@RestController
@Tag(name = "Inbox SLA policies", description = "First-response and resolution targets (ISO-8601 durations of "
		+ "working time), the share after which a clock is at risk, and the opening hours and closed days that count "
		+ "as working time. A conversation handled by a team runs on that team's policy, else on the workspace's, "
		+ "else on 24 hours around the clock")
class SlaPoliciesApi {

	private static final String BASE = "/api/v1/inbox/sla-policies";

	private final SlaPolicies policies;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	SlaPoliciesApi(SlaPolicies policies, WorkspaceContext context, CurrentUser currentUser) {
		this.policies = policies;
		this.context = context;
		this.currentUser = currentUser;
	}

	/** One opening interval: {@code day} an English weekday name, times {@code HH:mm}; a close of 00:00 is midnight. */
	record OpeningResource(String day, String open, String close) {
	}

	/**
	 * {@code teamId} null for the workspace's own; {@code configured} false when nobody has set the workspace's and
	 * the default applies. Without {@code openingHours} every hour counts.
	 */
	record PolicyResource(@Nullable UUID teamId, @Nullable String teamName, boolean configured, String firstResponse,
			String resolution, int atRiskPercent, @Nullable String timeZone, List<OpeningResource> openingHours,
			List<LocalDate> closedDays, @Nullable UUID updatedBy, @Nullable Instant updatedAt) {
	}

	record PolicyBody(@Nullable String firstResponse, @Nullable String resolution, @Nullable Integer atRiskPercent,
			@Nullable String timeZone, @Nullable List<OpeningResource> openingHours,
			@Nullable List<String> closedDays) {
	}

	@Operation(summary = "The workspace's policy (the default when none is set), then the teams' own")
	@GetMapping(BASE)
	Page<PolicyResource> all() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(policies.all(membership.workspaceId()).stream().map(SlaPoliciesApi::resource).toList());
	}

	@Operation(summary = "Set the workspace's policy: {\"firstResponse\":\"PT4H\",\"resolution\":\"PT24H\","
			+ "\"atRiskPercent\":75,\"timeZone\":\"Europe/Copenhagen\",\"openingHours\":[{\"day\":\"monday\","
			+ "\"open\":\"09:00\",\"close\":\"17:00\"}],\"closedDays\":[\"2026-12-24\"]}")
	@PutMapping(BASE + "/workspace")
	PolicyResource putWorkspace(@RequestBody PolicyBody body) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		return resource(policies.put(membership.workspaceId(), Callers.actor(currentUser), policy(null, body)));
	}

	@Operation(summary = "Go back to the default policy (24 hours around the clock)")
	@DeleteMapping(BASE + "/workspace")
	ResponseEntity<Void> removeWorkspace() {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		policies.remove(membership.workspaceId(), Callers.actor(currentUser), null);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Set a team's own policy (same body as the workspace's)")
	@PutMapping(BASE + "/teams/{teamId}")
	PolicyResource putTeam(@PathVariable UUID teamId, @RequestBody PolicyBody body) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		return resource(policies.put(membership.workspaceId(), Callers.actor(currentUser), policy(teamId, body)));
	}

	@Operation(summary = "Remove a team's own policy; its conversations run on the workspace's again")
	@DeleteMapping(BASE + "/teams/{teamId}")
	ResponseEntity<Void> removeTeam(@PathVariable UUID teamId) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		policies.remove(membership.workspaceId(), Callers.actor(currentUser), teamId);
		return ResponseEntity.noContent().build();
	}

	private static SlaPolicy policy(@Nullable UUID team, PolicyBody body) {
		Duration firstResponse = target("firstResponse", body.firstResponse());
		Duration resolution = target("resolution", body.resolution());
		int atRisk = body.atRiskPercent() == null ? 75 : body.atRiskPercent();
		if (atRisk < 1 || atRisk > 99) {
			throw ChorusException.invalid("atRiskPercent", "inbox.sla.at-risk.range");
		}
		ZoneId zone = null;
		if (body.timeZone() != null) {
			try {
				zone = ZoneId.of(body.timeZone());
			}
			catch (DateTimeException e) {
				throw ChorusException.invalid("timeZone", "inbox.sla.zone.unknown", body.timeZone());
			}
		}
		List<Opening> openings = new ArrayList<>();
		for (OpeningResource opening : body.openingHours() == null ? List.<OpeningResource>of() : body.openingHours()) {
			openings.add(opening(opening));
		}
		if (!openings.isEmpty() && zone == null) {
			throw ChorusException.invalid("timeZone", "inbox.sla.zone.required");
		}
		Set<LocalDate> closed = new HashSet<>();
		for (String day : body.closedDays() == null ? List.<String>of() : body.closedDays()) {
			try {
				closed.add(LocalDate.parse(day));
			}
			catch (DateTimeParseException | NullPointerException e) {
				throw ChorusException.invalid("closedDays", "error.parameter", "closedDays");
			}
		}
		return new SlaPolicy(team, firstResponse, resolution, atRisk, zone, openings, closed, true);
	}

	private static Opening opening(OpeningResource opening) {
		try {
			return new Opening(DayOfWeek.valueOf(opening.day().toUpperCase(Locale.ROOT)), LocalTime.parse(opening.open()),
					LocalTime.parse(opening.close()));
		}
		catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
			throw ChorusException.invalid("openingHours", "inbox.sla.hours.invalid");
		}
	}

	private static Duration target(String field, @Nullable String value) {
		if (value == null) {
			throw ChorusException.invalid(field, "inbox.sla.target.required");
		}
		try {
			Duration target = Duration.parse(value);
			if (target.toMinutes() < 1) {
				throw ChorusException.invalid(field, "inbox.sla.target.too-short");
			}
			return target.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		}
		catch (DateTimeParseException e) {
			throw ChorusException.invalid(field, "inbox.sla.target.format");
		}
	}

	private static PolicyResource resource(PolicyView view) {
		SlaPolicy p = view.policy();
		return new PolicyResource(p.teamId(), view.teamName(), p.configured(), p.firstResponse().toString(),
				p.resolution().toString(), p.atRiskPercent(), p.zone() == null ? null : p.zone().getId(),
				p.openings().stream()
					.map(o -> new OpeningResource(o.day().name().toLowerCase(Locale.ROOT), o.open().toString(),
							o.close().toString()))
					.toList(),
				p.closedDays().stream().sorted().toList(), view.updatedBy(), view.updatedAt());
	}
}
