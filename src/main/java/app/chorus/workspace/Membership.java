package app.chorus.workspace;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A person's place in a workspace: the pair every permission check is made against. */
public record Membership(WorkspaceId workspaceId, String workspaceName, UserId userId, Role role) {

	public boolean can(Permission permission) {
		return role.can(permission);
	}
}
