package app.chorus.workspace.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.TeamChanged;
import app.chorus.workspace.TeamCreated;
import app.chorus.workspace.TeamDeleted;
import app.chorus.workspace.TeamMembershipChanged;

/** Teams: groups of members that work, get permissions and carry SLA targets together. */
@Service
public class TeamService {

	static final int MAX_NAME = 80;
	static final int MAX_DESCRIPTION = 500;

	private final Teams teams;
	private final Workspaces workspaces;
	private final IdentityManagement identity;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	TeamService(Teams teams, Workspaces workspaces, IdentityManagement identity, Clock clock,
			ApplicationEventPublisher events) {
		this.teams = teams;
		this.workspaces = workspaces;
		this.identity = identity;
		this.clock = clock;
		this.events = events;
	}

	public record TeamView(UUID id, String name, String description, List<UserAccount> members) {
	}

	public List<TeamView> all(WorkspaceId workspace) {
		return teams.all(workspace).stream().map(this::view).toList();
	}

	public TeamView find(WorkspaceId workspace, UUID id) {
		return teams.find(workspace, id).map(this::view).orElseThrow(() -> ChorusException.notFound("team"));
	}

	@Transactional
	public TeamView create(WorkspaceId workspace, String name, @Nullable String description, AuditActor who) {
		UUID id = Ids.next();
		String checked = checkName(workspace, name, id);
		teams.insert(id, workspace, checked, checkDescription(description), clock.instant());
		events.publishEvent(new TeamCreated(workspace, who, checked, RequestOrigin.current()));
		return find(workspace, id);
	}

	@Transactional
	public TeamView update(WorkspaceId workspace, UUID id, @Nullable String name, @Nullable String description,
			AuditActor who) {
		Teams.TeamRow row = teams.find(workspace, id).orElseThrow(() -> ChorusException.notFound("team"));
		String newName = name == null ? row.name() : checkName(workspace, name, id);
		String newDescription = description == null ? row.description() : checkDescription(description);
		teams.update(workspace, id, newName, newDescription);
		if (!newName.equals(row.name())) {
			events.publishEvent(new TeamChanged(workspace, who, newName, "renamed from " + row.name(),
					RequestOrigin.current()));
		}
		else if (!newDescription.equals(row.description())) {
			events.publishEvent(new TeamChanged(workspace, who, newName, "description", RequestOrigin.current()));
		}
		return find(workspace, id);
	}

	@Transactional
	public void delete(WorkspaceId workspace, UUID id, AuditActor who) {
		Teams.TeamRow row = teams.find(workspace, id).orElseThrow(() -> ChorusException.notFound("team"));
		teams.delete(workspace, id);
		events.publishEvent(new TeamDeleted(workspace, who, row.name(), RequestOrigin.current()));
	}

	@Transactional
	public TeamView addMember(WorkspaceId workspace, UUID id, UserId user, AuditActor who) {
		Teams.TeamRow row = teams.find(workspace, id).orElseThrow(() -> ChorusException.notFound("team"));
		workspaces.membership(workspace, user).orElseThrow(() -> ChorusException.notFound("member"));
		if (teams.addMember(workspace, id, user)) {
			events.publishEvent(new TeamMembershipChanged(workspace, who, row.name(), user, email(user), true,
					RequestOrigin.current()));
		}
		return find(workspace, id);
	}

	@Transactional
	public TeamView removeMember(WorkspaceId workspace, UUID id, UserId user, AuditActor who) {
		Teams.TeamRow row = teams.find(workspace, id).orElseThrow(() -> ChorusException.notFound("team"));
		if (!teams.removeMember(workspace, id, user)) {
			throw ChorusException.notFound("member");
		}
		events.publishEvent(new TeamMembershipChanged(workspace, who, row.name(), user, email(user), false,
				RequestOrigin.current()));
		return find(workspace, id);
	}

	/** The teams the person belongs to in the workspace. */
	public List<UUID> teamIdsOf(WorkspaceId workspace, UserId user) {
		return teams.teamIdsOf(workspace, user);
	}

	public boolean exists(WorkspaceId workspace, UUID team) {
		return teams.exists(workspace, team);
	}

	private String email(UserId user) {
		return identity.find(user).map(UserAccount::email).orElse(user.toString());
	}

	private String checkName(WorkspaceId workspace, String name, UUID self) {
		String stripped = name.strip();
		if (stripped.isEmpty()) {
			throw ChorusException.invalid("name", "team.name.required");
		}
		if (stripped.length() > MAX_NAME) {
			throw ChorusException.invalid("name", "team.name.too-long", MAX_NAME);
		}
		if (teams.nameTaken(workspace, stripped, self)) {
			throw ChorusException.conflict("name", "team.name.taken");
		}
		return stripped;
	}

	private static String checkDescription(@Nullable String description) {
		String stripped = description == null ? "" : description.strip();
		if (stripped.length() > MAX_DESCRIPTION) {
			throw ChorusException.invalid("description", "team.description.too-long", MAX_DESCRIPTION);
		}
		return stripped;
	}

	private TeamView view(Teams.TeamRow row) {
		return new TeamView(row.id(), row.name(), row.description(), identity.findAll(row.members()));
	}
}
