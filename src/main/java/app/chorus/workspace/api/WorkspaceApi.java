package app.chorus.workspace.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.InvitationService;
import app.chorus.workspace.internal.TeamService;
import app.chorus.workspace.internal.WorkspaceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller, their workspaces, and the current workspace's members, teams and invitations. A token works in the one
 * workspace it was made for: any other workspace's ids are not found.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workspace", description = "The caller, workspaces, members, teams, invitations")
class WorkspaceApi {

	private final WorkspaceService workspaces;
	private final TeamService teams;
	private final InvitationService invitations;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	WorkspaceApi(WorkspaceService workspaces, TeamService teams, InvitationService invitations,
			WorkspaceContext context, CurrentUser currentUser) {
		this.workspaces = workspaces;
		this.teams = teams;
		this.invitations = invitations;
		this.context = context;
		this.currentUser = currentUser;
	}

	record WorkspaceRef(UUID id, String name, String role) {
	}

	record Me(UUID id, String email, String displayName, String locale, String timeZone, boolean twoFactorEnabled,
			UUID workspaceId, WorkspaceRef workspace, List<String> permissions, List<String> tokenScopes) {
	}

	record WorkspaceResource(UUID id, String name, String timeZone, boolean requireTwoFactor, Instant createdAt) {
	}

	record WorkspacePatch(@Nullable String name, @Nullable String timeZone, @Nullable Boolean requireTwoFactor) {
	}

	record MemberResource(UUID userId, String email, String displayName, String role, Instant joinedAt,
			boolean twoFactorEnabled, List<String> teams) {
	}

	record MemberPatch(@Nullable String role) {
	}

	record TeamResource(UUID id, String name, String description, List<UUID> memberIds) {
	}

	record TeamBody(@Nullable String name, @Nullable String description) {
	}

	record InvitationResource(UUID id, String email, String role, String status, Instant createdAt,
			Instant expiresAt, @Nullable String link, @Nullable Boolean emailed) {
	}

	record InvitationBody(@Nullable String email, @Nullable String role) {
	}

	@Operation(summary = "Who is calling, and in which workspace")
	@GetMapping("/me")
	Me me() {
		UserAccount me = currentUser.require();
		Membership membership = context.require();
		return new Me(me.id().value(), me.email(), me.displayName(), me.locale().toLanguageTag(),
				me.timeZone().getId(), me.twoFactorEnabled(), membership.workspaceId().value(), ref(membership),
				membership.role().permissions().stream().map(Permission::key).sorted().toList(),
				currentUser.requirePrincipal().scopes().stream().map(s -> s.key()).sorted().toList());
	}

	@Operation(summary = "The workspaces the caller belongs to")
	@GetMapping("/workspaces")
	Page<WorkspaceRef> workspaces() {
		return Page.of(workspaces.membershipsOf(currentUser.require().id()).stream().map(WorkspaceApi::ref).toList());
	}

	@Operation(summary = "The token's workspace (any other id is not found)")
	@GetMapping("/workspaces/{id}")
	WorkspaceResource workspace(@PathVariable UUID id) {
		Membership membership = sameWorkspace(id, Permission.CONTENT_VIEW);
		return resource(workspaces.find(membership.workspaceId()).orElseThrow());
	}

	@Operation(summary = "Change the workspace's name, time zone or two-factor requirement")
	@PatchMapping("/workspaces/{id}")
	WorkspaceResource updateWorkspace(@PathVariable UUID id, @RequestBody WorkspacePatch patch) {
		Membership membership = sameWorkspace(id, Permission.WORKSPACE_SETTINGS);
		if (Boolean.TRUE.equals(patch.requireTwoFactor()) && !currentUser.require().twoFactorEnabled()) {
			throw ChorusException.invalid("requireTwoFactor", "workspace.two-factor.enable-yours-first");
		}
		return resource(workspaces.updateSettings(membership.workspaceId(), patch.name(),
				patch.timeZone() == null ? null : TimeZones.parse(patch.timeZone()), patch.requireTwoFactor(),
				actor()));
	}

	@Operation(summary = "Members of the workspace")
	@GetMapping("/members")
	Page<MemberResource> members() {
		Membership membership = context.require(Permission.MEMBERS_VIEW);
		return Page.of(workspaces.members(membership.workspaceId()).stream().map(WorkspaceApi::member).toList());
	}

	@GetMapping("/members/{userId}")
	MemberResource member(@PathVariable UUID userId) {
		Membership membership = context.require(Permission.MEMBERS_VIEW);
		return workspaces.member(membership.workspaceId(), new UserId(userId)).map(WorkspaceApi::member)
			.orElseThrow(() -> ChorusException.notFound("member"));
	}

	@Operation(summary = "Change a member's role")
	@PatchMapping("/members/{userId}")
	MemberResource changeRole(@PathVariable UUID userId, @RequestBody MemberPatch patch) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		Role role = role(patch.role());
		workspaces.changeRole(membership, new UserId(userId), role, actor());
		return member(userId);
	}

	@Operation(summary = "Remove (offboard) a member: their sessions end and their tokens here are revoked at once")
	@DeleteMapping("/members/{userId}")
	ResponseEntity<Void> removeMember(@PathVariable UUID userId) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		workspaces.removeMember(membership, new UserId(userId), actor());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/teams")
	Page<TeamResource> teams() {
		Membership membership = context.require(Permission.MEMBERS_VIEW);
		return Page.of(teams.all(membership.workspaceId()).stream().map(WorkspaceApi::team).toList());
	}

	@PostMapping("/teams")
	ResponseEntity<TeamResource> createTeam(@RequestBody TeamBody body) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		TeamService.TeamView team = teams.create(membership.workspaceId(), body.name() == null ? "" : body.name(),
				body.description(), actor());
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team(team));
	}

	@GetMapping("/teams/{id}")
	TeamResource team(@PathVariable UUID id) {
		Membership membership = context.require(Permission.MEMBERS_VIEW);
		return team(teams.find(membership.workspaceId(), id));
	}

	@PatchMapping("/teams/{id}")
	TeamResource updateTeam(@PathVariable UUID id, @RequestBody TeamBody body) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		return team(teams.update(membership.workspaceId(), id, body.name(), body.description(), actor()));
	}

	@DeleteMapping("/teams/{id}")
	ResponseEntity<Void> deleteTeam(@PathVariable UUID id) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		teams.delete(membership.workspaceId(), id, actor());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/teams/{id}/members/{userId}")
	TeamResource addTeamMember(@PathVariable UUID id, @PathVariable UUID userId) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		return team(teams.addMember(membership.workspaceId(), id, new UserId(userId), actor()));
	}

	@DeleteMapping("/teams/{id}/members/{userId}")
	TeamResource removeTeamMember(@PathVariable UUID id, @PathVariable UUID userId) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		return team(teams.removeMember(membership.workspaceId(), id, new UserId(userId), actor()));
	}

	@GetMapping("/invitations")
	Page<InvitationResource> invitations() {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		return Page.of(invitations.all(membership.workspaceId()).stream().map(i -> invitation(i, null, null)).toList());
	}

	@Operation(summary = "Invite someone by e-mail address with a role; the answer carries the link, shown once")
	@PostMapping("/invitations")
	ResponseEntity<InvitationResource> invite(@RequestBody InvitationBody body) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		InvitationService.IssuedInvitation issued = invitations.invite(membership, currentUser.require(),
				body.email() == null ? "" : body.email(), role(body.role()));
		return ResponseEntity.created(URI.create("/api/v1/invitations/" + issued.invitation().id()))
			.body(invitation(issued.invitation(), issued.link(), issued.emailed()));
	}

	@GetMapping("/invitations/{id}")
	InvitationResource invitation(@PathVariable UUID id) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		return invitation(invitations.find(membership.workspaceId(), id), null, null);
	}

	@DeleteMapping("/invitations/{id}")
	ResponseEntity<Void> revokeInvitation(@PathVariable UUID id) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		invitations.revoke(membership.workspaceId(), id, actor());
		return ResponseEntity.noContent().build();
	}

	private Membership sameWorkspace(UUID id, Permission permission) {
		Membership membership = context.require(permission);
		if (!membership.workspaceId().equals(new WorkspaceId(id))) {
			throw ChorusException.notFound("workspace");
		}
		return membership;
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static Role role(@Nullable String key) {
		return Role.fromKey(key == null ? "" : key.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> ChorusException.invalid("role", "member.role.unknown"));
	}

	private static WorkspaceRef ref(Membership m) {
		return new WorkspaceRef(m.workspaceId().value(), m.workspaceName(), m.role().key());
	}

	private static WorkspaceResource resource(WorkspaceService.WorkspaceView w) {
		return new WorkspaceResource(w.id().value(), w.name(), w.timeZone().getId(), w.requireTwoFactor(),
				w.createdAt());
	}

	private static MemberResource member(WorkspaceService.MemberView m) {
		return new MemberResource(m.account().id().value(), m.account().email(), m.account().displayName(),
				m.role().key(), m.joinedAt(), m.account().twoFactorEnabled(), m.teams());
	}

	private static TeamResource team(TeamService.TeamView t) {
		return new TeamResource(t.id(), t.name(), t.description(),
				t.members().stream().map(a -> a.id().value()).toList());
	}

	private static InvitationResource invitation(InvitationService.InvitationView i, @Nullable String link,
			@Nullable Boolean emailed) {
		return new InvitationResource(i.id(), i.email(), i.role().key(), i.status(), i.createdAt(), i.expiresAt(),
				link, emailed);
	}
}
