package app.chorus.channels.spi;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Keeping the channel's space civil: what the network allows an account to do about others. */
public interface Moderating {

	enum Action {
		HIDE, DELETE, BLOCK, MUTE, REPORT
	}

	/** The actions this network offers. */
	Set<Action> actions();

	/**
	 * Carries out the action on an author ({@code BLOCK}, {@code MUTE}, {@code REPORT}: {@code target} is the
	 * author's id) or on a post ({@code HIDE}, {@code DELETE}: the post's id).
	 * @param note why, for a {@code REPORT} (sent to the network's moderators where it takes one); ignored otherwise
	 * @throws UnsupportedOperationException for an action not in {@link #actions()}
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	void moderate(ChannelSession session, Action action, String target, @Nullable String note);

	/** {@link #moderate(ChannelSession, Action, String, String)} without a note. */
	default void moderate(ChannelSession session, Action action, String target) {
		moderate(session, action, target, null);
	}
}
