package app.chorus.publishing.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One approval policy on the policies page: the workspace's, or a channel's.
 * @param key the element id of its card ({@code policy-workspace}, {@code policy-<channel id>})
 * @param action where its form is sent
 * @param channelName {@code null} for the workspace's policy
 * @param network the channel's network key; {@code null} for the workspace's policy
 * @param own for a channel, whether it has steps of its own rather than following the workspace
 * @param steps in order
 * @param mayChange whether the reader may change it
 * @param error a problem with the policy as a whole (too many steps)
 */
public record PolicyEditor(String key, String action, @Nullable String channelName, @Nullable String network,
		boolean own, List<Row> steps, boolean mayChange, @Nullable String error) {

	/**
	 * A step as the form holds it.
	 * @param value {@code role:manager} or {@code team:<id>}
	 * @param label the role or team, for reading
	 * @param known whether the page offers it (a team deleted since is not offered)
	 * @param error what is wrong with it, beside it
	 */
	public record Row(String value, String label, boolean known, @Nullable String error) {
	}

	public boolean channel() {
		return channelName != null;
	}
}
