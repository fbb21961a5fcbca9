/**
 * The SocialNetwork SPI: what a network adapter must do ({@link app.chorus.channels.spi.SocialNetwork}), the optional
 * capabilities it may offer (separate interfaces), and the network's limits as data
 * ({@link app.chorus.channels.spi.NetworkRules}). Other modules (publishing, inbox, analytics) program against these
 * types.
 */
@NamedInterface("spi")
@NullMarked
package app.chorus.channels.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
