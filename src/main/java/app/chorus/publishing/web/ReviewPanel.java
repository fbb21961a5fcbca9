package app.chorus.publishing.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A post's approval as its page shows it: the steps of the current round with the one reached marked, every
 * decision so far, and what the reader may do.
 * @param current the index of the step waiting for a decision; the number of steps once all approved
 * @param waiting whether the post waits for a decision now
 * @param mayDecide whether the reader may decide the current step
 * @param changesAsked the decision that sent the post back, while it waits for its author's changes
 */
public record ReviewPanel(List<Step> steps, int round, int current, boolean waiting, boolean mayDecide,
		List<Decision> decisions, @Nullable Decision changesAsked) {

	/** A step: the role (or more powerful) or team that approves it. */
	public record Step(String label, boolean current, boolean done) {
	}

	/** A decision: who, when, what, and why. {@code decision} is {@code approved} or {@code changes_requested}. */
	public record Decision(String who, Instant at, String decision, String comment, int round, int step) {

		public boolean approved() {
			return decision.equals("approved");
		}
	}

	/** The step the post waits for, for "waiting for approval by ...". */
	public @Nullable String waitingFor() {
		return waiting && current < steps.size() ? steps.get(current).label() : null;
	}
}
