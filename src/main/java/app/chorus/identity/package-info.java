/**
 * People and how they prove who they are: accounts, Argon2id passwords, TOTP second factors with recovery codes,
 * login sessions that can be ended from anywhere, personal API tokens, password resets, and the throttle on failed
 * logins. It knows nothing of workspaces beyond the {@link app.chorus.identity.WorkspaceDirectory} the workspace
 * module implements for it.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "notifications" })
@NullMarked
package app.chorus.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
