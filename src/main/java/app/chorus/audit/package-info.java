/**
 * The append-only, hash-chained record of who did what. It listens to every module's
 * {@link app.chorus.shared.audit.AuditableEvent}s, keeps one chain per workspace (and a "system" chain for actions
 * outside any), verifies chains on demand, and shows, filters and exports entries.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "identity", "workspace" })
@NullMarked
package app.chorus.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
