package app.chorus.publishing.web;

import java.util.List;

/**
 * One further part of a thread (or the first comment) checked on every ticked channel: each network counts it and
 * applies its rules to it as to a post of its own.
 * @param id the element the live check swaps it into ({@code part-check-2}, {@code part-check-first})
 */
public record PartCheck(String id, List<Line> lines) {

	/** The part on one channel. */
	public record Line(String channelName, List<VariantCheck.Counter> counters, List<String> problems) {
	}

	static String id(int part) {
		return part < 0 ? "part-check-first" : "part-check-" + part;
	}
}
