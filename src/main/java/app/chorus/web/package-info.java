/**
 * The page shell around every module's pages: layout and navigation, the language a person reads (English, Korean,
 * Nepali, Danish; chosen per person and remembered), dates in their time zone, the home page and error pages.
 */
@ApplicationModule(displayName = "Web shell", allowedDependencies = { "shared", "identity", "workspace", "notifications",
		"publishing" })
@NullMarked
package app.chorus.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
