package app.chorus.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.internal.TeamService;
import app.chorus.workspace.internal.WorkspaceService;

/** What other modules may ask of the workspace module. */
@Service
public class WorkspaceManagement {

	private final WorkspaceService workspaces;
	private final TeamService teams;

	WorkspaceManagement(WorkspaceService workspaces, TeamService teams) {
		this.workspaces = workspaces;
		this.teams = teams;
	}

	/** The person's membership in the workspace, if they are a member. */
	public Optional<Membership> membership(WorkspaceId workspace, UserId user) {
		return workspaces.membership(workspace, user);
	}

	/** The ids of the teams the person belongs to in the workspace. */
	public List<UUID> teamIdsOf(WorkspaceId workspace, UserId user) {
		return teams.teamIdsOf(workspace, user);
	}

	/** A member as other modules list them. */
	public record MemberSummary(UserId userId, String email, String displayName, Role role) {
	}

	/** A team as other modules list them. */
	public record TeamSummary(UUID id, String name) {
	}

	/** The workspace's members, by name. */
	public List<MemberSummary> members(WorkspaceId workspace) {
		return workspaces.members(workspace).stream()
			.map(m -> new MemberSummary(m.account().id(), m.account().email(), m.account().displayName(), m.role()))
			.toList();
	}

	/** The workspace's teams, by name. */
	public List<TeamSummary> teams(WorkspaceId workspace) {
		return teams.all(workspace).stream().map(t -> new TeamSummary(t.id(), t.name())).toList();
	}

	/** The team's name, when it exists in the workspace. */
	public Optional<String> teamName(WorkspaceId workspace, UUID team) {
		return teams.exists(workspace, team) ? Optional.of(teams.find(workspace, team).name()) : Optional.empty();
	}

	/** Whether the team exists in the workspace. */
	public boolean teamExists(WorkspaceId workspace, UUID team) {
		return teams.exists(workspace, team);
	}

	/** The person's memberships, oldest first. */
	public List<Membership> membershipsOf(UserId user) {
		return workspaces.membershipsOf(user);
	}

	/** Every workspace the person is a member of, oldest membership first. */
	public List<WorkspaceId> workspacesOf(UserId user) {
		return workspaces.membershipsOf(user).stream().map(Membership::workspaceId).toList();
	}
}
