/**
 * The Mastodon adapter: connecting an account on any Mastodon server (an application registered per instance, OAuth
 * with PKCE), publishing statuses with media, polls, content warnings, replies and quotes, reading mentions, replies,
 * quotes and private mentions, counting, moderating and deleting. Everything here is stateless: each call gets the
 * instance and token in its {@link app.chorus.channels.spi.ChannelSession}. Entity shapes follow
 * docs.joinmastodon.org.
 */
@NullMarked
package app.chorus.channels.network.mastodon;

import org.jspecify.annotations.NullMarked;
