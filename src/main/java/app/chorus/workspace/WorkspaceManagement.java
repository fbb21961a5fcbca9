package app.chorus.workspace;

import java.util.List;

import org.springframework.stereotype.Service;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.internal.WorkspaceService;

/** What other modules may ask of the workspace module. */
@Service
public class WorkspaceManagement {

	private final WorkspaceService workspaces;

	WorkspaceManagement(WorkspaceService workspaces) {
		this.workspaces = workspaces;
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
