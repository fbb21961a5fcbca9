/**
 * Live inbox updates: what changed is signalled through PostgreSQL {@code NOTIFY} in the transaction that changed it,
 * every node {@code LISTEN}s, and each passes the signal to the Server-Sent Events streams of its own clients in that
 * workspace. Also who else is looking at or answering a conversation (presence), for collision warnings.
 */
@NullMarked
package app.chorus.inbox.live;

import org.jspecify.annotations.NullMarked;
