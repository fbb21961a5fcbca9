package app.chorus.publishing.links;

import java.time.LocalDate;
import java.util.List;

/**
 * One short link with its clicks per day (UTC, newest first) and per referring site (most clicks first).
 */
public record ShortLinkDetail(ShortLinkView link, List<DailyClicks> days, List<ReferrerClicks> referrers) {

	public ShortLinkDetail {
		days = List.copyOf(days);
		referrers = List.copyOf(referrers);
	}

	/** The clicks of one UTC day. */
	public record DailyClicks(LocalDate day, long clicks, long botClicks) {
	}

	/** The clicks that came from one site; {@code host} is empty for visits that named no referring page. */
	public record ReferrerClicks(String host, long clicks, long botClicks) {
	}
}
