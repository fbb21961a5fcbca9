package app.chorus.identity;

import java.util.Optional;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * What identity needs to know about workspaces, implemented by the workspace module (which depends on identity, not
 * the other way round).
 */
public interface WorkspaceDirectory {

	/** The workspace a new API token or session starts in: the last one used, else the oldest membership. */
	Optional<WorkspaceId> defaultWorkspace(UserId user);

	/** The workspace the current request works in (the token's, or the one chosen in the web session). */
	Optional<WorkspaceId> current();

	boolean isMember(UserId user, WorkspaceId workspace);

	/** Whether the workspace demands a second factor from every member. */
	boolean requiresTwoFactor(WorkspaceId workspace);
}
