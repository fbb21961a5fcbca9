/**
 * Connected social accounts ("channels"): connecting and disconnecting them, the encrypted credential vault, token
 * refresh and re-authorisation, owners and per-channel permissions. Network specifics live behind the
 * {@link app.chorus.channels.spi.SocialNetwork} SPI, one package per network under {@code network/}; adapters never
 * touch the database or the web session.
 */
@ApplicationModule(displayName = "Channels", allowedDependencies = { "shared", "identity", "workspace",
		"notifications" })
@NullMarked
package app.chorus.channels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
