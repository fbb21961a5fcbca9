/**
 * The Bluesky adapter: the AT Protocol spoken over XRPC to the account's own PDS (which forwards {@code app.bsky.*}
 * reads to the AppView), with DID documents read from the PLC directory or {@code did:web}. Stateless: every call
 * gets its account, endpoint and session tokens in a {@link app.chorus.channels.spi.ChannelSession}.
 */
@NullMarked
package app.chorus.channels.network.bluesky;

import org.jspecify.annotations.NullMarked;
