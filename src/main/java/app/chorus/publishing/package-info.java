/**
 * Publishing: posts and their per-network variants, checked against each network's rules; drafts, approval, the
 * schedule and the publish engine that hands each variant to its network exactly once; the crisis pause; campaigns,
 * bulk import and short links with UTM tags.
 */
@ApplicationModule(displayName = "Publishing", allowedDependencies = { "shared", "identity", "workspace",
		"channels", "channels :: spi", "media", "notifications" })
@NullMarked
package app.chorus.publishing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
