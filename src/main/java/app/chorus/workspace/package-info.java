/**
 * Tenants and who may do what in them: workspaces, members with roles, teams, invitations, workspace settings (such as
 * requiring two-factor sign-in) and offboarding. Every other module asks {@link app.chorus.workspace.WorkspaceContext}
 * for the workspace and role of the current request and scopes its queries by that workspace's id.
 */
@ApplicationModule(displayName = "Workspaces", allowedDependencies = { "shared", "identity", "notifications" })
@NullMarked
package app.chorus.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
