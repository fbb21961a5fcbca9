package app.chorus.inbox.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The two clocks of a conversation: the first response (from the first message we received until our first reply)
 * and the resolution (until it was resolved). Each is counted in the team's business hours against its target and
 * stops when its event happens. A clock is at risk once a share of its target has passed ({@code atRiskAt}, 75% by
 * default) and breached once the target has; a clock that stopped in time is met, one that stopped late is missed.
 */
public final class SlaClock {

	/** What a person sees on a conversation for one clock. */
	public enum State {
		ON_TRACK, AT_RISK, BREACHED, MET, MISSED;

		public String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** Whether the clock still runs. */
		public boolean running() {
			return this == ON_TRACK || this == AT_RISK || this == BREACHED;
		}
	}

	/**
	 * Targets in working time; the default is 24 hours for both, as most people expect an answer within a day.
	 * @param atRiskAt the share of a target after which a running clock is at risk, between 0 and 1
	 */
	public record Targets(Duration firstResponse, Duration resolution, double atRiskAt) {

		public static final Targets DEFAULT = new Targets(Duration.ofHours(24), Duration.ofHours(24), 0.75);

		public Targets {
			if (!firstResponse.isPositive() || !resolution.isPositive()) {
				throw new IllegalArgumentException("SLA targets must be positive");
			}
			if (atRiskAt <= 0 || atRiskAt >= 1) {
				throw new IllegalArgumentException("the at-risk share must lie between 0 and 1");
			}
		}
	}

	/**
	 * One clock's reading.
	 * @param dueAt when the target runs out (in business hours from the start)
	 * @param atRiskFrom when a running clock turns at risk
	 * @param elapsed working time counted so far, or until the clock stopped
	 */
	public record Reading(State state, Instant dueAt, Instant atRiskFrom, Duration elapsed) {
	}

	/** Both clocks of a conversation. */
	public record Readings(Reading firstResponse, Reading resolution) {

		/** The more urgent of the two running clocks' states, or the first response's when neither runs. */
		public State worst() {
			State first = firstResponse.state();
			State second = resolution.state();
			if (first.running() || second.running()) {
				return rank(first) >= rank(second) ? first : second;
			}
			return first == State.MISSED || second == State.MISSED ? State.MISSED : State.MET;
		}

		private static int rank(State state) {
			return switch (state) {
				case BREACHED -> 3;
				case AT_RISK -> 2;
				case ON_TRACK -> 1;
				case MET, MISSED -> 0;
			};
		}
	}

	private final BusinessHours hours;
	private final Targets targets;

	public SlaClock(BusinessHours hours, Targets targets) {
		this.hours = hours;
		this.targets = targets;
	}

	/**
	 * The clocks of a conversation whose first message arrived at {@code receivedAt}.
	 * @param firstResponseAt our first reply, if any
	 * @param resolvedAt when it was resolved, if it is
	 */
	public Readings read(Instant receivedAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
			Instant now) {
		return new Readings(reading(receivedAt, targets.firstResponse(), firstResponseAt, now),
				reading(receivedAt, targets.resolution(), resolvedAt, now));
	}

	private Reading reading(Instant start, Duration target, @Nullable Instant stoppedAt, Instant now) {
		Instant due = hours.plus(start, target);
		Instant atRisk = hours.plus(start, Duration.ofMillis((long) (target.toMillis() * targets.atRiskAt())));
		Instant end = stoppedAt != null ? stoppedAt : now;
		Duration elapsed = hours.between(start, end);
		State state;
		if (stoppedAt != null) {
			state = stoppedAt.isAfter(due) ? State.MISSED : State.MET;
		}
		else if (now.isAfter(due)) {
			state = State.BREACHED;
		}
		else if (!now.isBefore(atRisk)) {
			state = State.AT_RISK;
		}
		else {
			state = State.ON_TRACK;
		}
		return new Reading(state, due, atRisk, elapsed);
	}
}
