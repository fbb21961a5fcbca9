package app.chorus.channels.spi;

import java.util.Set;

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
	 * @throws UnsupportedOperationException for an action not in {@link #actions()}
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	void moderate(ChannelSession session, Action action, String target);
}
