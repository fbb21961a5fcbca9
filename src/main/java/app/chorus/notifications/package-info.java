/**
 * Telling people things outside the page they are on: e-mail through the SMTP server configured with
 * {@code CHORUS_SMTP_*}. Without one, e-mail is off and callers offer another way (a link the owner copies).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = "shared")
@NullMarked
package app.chorus.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
