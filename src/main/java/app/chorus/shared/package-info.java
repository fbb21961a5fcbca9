/**
 * The small kernel every module may use: typed ids, the clock, the audit vocabulary that modules' events speak,
 * problem types for errors, and the database bootstrap (embedded PostgreSQL when nothing else is configured).
 * It depends on no other module.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package app.chorus.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
