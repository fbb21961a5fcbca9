package app.chorus.workspace.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.chorus.identity.WorkspaceDirectory;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceContext;

/** Answers identity's questions about workspaces. */
@Component
class WorkspaceDirectoryAdapter implements WorkspaceDirectory {

	private final WorkspaceService workspaces;
	private final WorkspaceContext context;

	WorkspaceDirectoryAdapter(WorkspaceService workspaces, WorkspaceContext context) {
		this.workspaces = workspaces;
		this.context = context;
	}

	@Override
	public Optional<WorkspaceId> defaultWorkspace(UserId user) {
		return workspaces.membershipsOf(user).stream().findFirst().map(Membership::workspaceId);
	}

	@Override
	public Optional<WorkspaceId> current() {
		return context.current().map(Membership::workspaceId);
	}

	@Override
	public boolean isMember(UserId user, WorkspaceId workspace) {
		return workspaces.membership(workspace, user).isPresent();
	}

	@Override
	public boolean requiresTwoFactor(WorkspaceId workspace) {
		return workspaces.find(workspace).map(WorkspaceService.WorkspaceView::requireTwoFactor).orElse(false);
	}
}
