package app.chorus.publishing.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.campaigns.Campaigns.Campaign;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.DatedPost;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * What the calendar shows of a workspace between two moments: at most {@value #MAX_EVENTS} posts over at most
 * {@value #MAX_DAYS} days, each saying whether the reader may move it.
 */
@Component
class CalendarFeed {

	static final int MAX_DAYS = 100;
	static final int MAX_EVENTS = 500;
	private static final int TITLE = 80;

	private final PostService posts;
	private final ChannelManagement channels;
	private final Campaigns campaigns;

	CalendarFeed(PostService posts, ChannelManagement channels, Campaigns campaigns) {
		this.posts = posts;
		this.channels = channels;
		this.campaigns = campaigns;
	}

	/** The events, earliest first; {@code truncated} when there were more than {@value #MAX_EVENTS}. */
	record Feed(List<CalendarEvent> events, boolean truncated) {

		public Feed {
			events = List.copyOf(events);
		}
	}

	/**
	 * The posts placed in {@code [from, to)}, filtered. {@code from} and {@code to} are instants ({@code 2026-05-01T00:00:00Z}),
	 * times with an offset, or dates, read as midnight in {@code zone}.
	 * @throws ChorusException 422 naming {@code from}, {@code to} or {@code status} when one is missing, unreadable or
	 * the range is reversed or longer than {@value #MAX_DAYS} days
	 */
	Feed events(Membership membership, ZoneId zone, @Nullable String from, @Nullable String to,
			@Nullable UUID channel, @Nullable UUID campaign, @Nullable String status) {
		Instant start = moment("from", from, zone);
		Instant end = moment("to", to, zone);
		if (!end.isAfter(start)) {
			throw ChorusException.invalid("to", "calendar.range.order");
		}
		if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
			throw ChorusException.invalid("to", "calendar.range.too-long", MAX_DAYS);
		}
		PostStatus wanted = status == null || status.isBlank() ? null
				: PostStatus.fromKey(status.strip().toLowerCase(Locale.ROOT))
					.orElseThrow(() -> ChorusException.invalid("status", "error.parameter", "status"));
		List<DatedPost> found = posts.between(membership.workspaceId(), start, end, wanted, channel, campaign,
				MAX_EVENTS + 1);
		Map<UUID, ChannelView> channelsById = channels.all(membership.workspaceId()).stream()
			.collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
		Map<UUID, Campaign> campaignsById = campaigns.all(membership.workspaceId(), true).stream()
			.collect(Collectors.toMap(Campaign::id, Function.identity()));
		Map<UUID, Boolean> mayPublish = new HashMap<>();
		List<CalendarEvent> events = found.stream().limit(MAX_EVENTS)
			.map(d -> event(membership, d, channelsById, campaignsById, mayPublish)).toList();
		return new Feed(events, found.size() > MAX_EVENTS);
	}

	/** One post as the calendar shows it at {@code at} (after it was moved, say). */
	CalendarEvent event(Membership membership, PostView post, Instant at) {
		Map<UUID, ChannelView> channelsById = channels.all(membership.workspaceId()).stream()
			.collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
		Map<UUID, Campaign> campaignsById = post.campaignId() == null ? Map.of()
				: campaigns.find(membership.workspaceId(), post.campaignId()).map(c -> Map.of(c.id(), c))
					.orElse(Map.of());
		return event(membership, new DatedPost(post, at), channelsById, campaignsById, new HashMap<>());
	}

	private CalendarEvent event(Membership membership, DatedPost dated, Map<UUID, ChannelView> channelsById,
			Map<UUID, Campaign> campaignsById, Map<UUID, Boolean> mayPublish) {
		PostView post = dated.post();
		List<CalendarEvent.Channel> goesTo = post.variants().stream()
			.map(v -> new CalendarEvent.Channel(v.channelId(), v.network(),
					channelsById.containsKey(v.channelId()) ? channelsById.get(v.channelId()).name() : null))
			.toList();
		Campaign campaign = post.campaignId() == null ? null : campaignsById.get(post.campaignId());
		String id = post.id().value().toString();
		return new CalendarEvent(id, post.id().value(), title(post.text()), dated.at(), post.status().key(), goesTo,
				campaign == null ? null : new CalendarEvent.Campaign(campaign.id(), campaign.name(), campaign.colour()),
				movable(membership, post, mayPublish), "/posts/" + id);
	}

	/**
	 * Whether the reader may move the post now: it waits for its time (scheduled, held, approved, or a draft with a
	 * time) and they may publish on every channel it goes to. A post in review waits for its approvers, not a new time.
	 */
	private boolean movable(Membership membership, PostView post, Map<UUID, Boolean> mayPublish) {
		if (!membership.can(Permission.POSTS_PUBLISH) || post.variants().isEmpty()) {
			return false;
		}
		boolean waiting = switch (post.status()) {
			case SCHEDULED, HELD, APPROVED -> true;
			case DRAFT -> post.scheduledAt() != null;
			default -> false;
		};
		return waiting && post.variants().stream().allMatch(v -> mayPublish.computeIfAbsent(v.channelId(),
				c -> channels.may(membership, new ChannelId(c), ChannelPermission.PUBLISH)));
	}

	private static Instant moment(String field, @Nullable String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			throw ChorusException.invalid(field, "calendar.range.required");
		}
		String text = value.strip();
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException notWithOffset) {
				try {
					return LocalDate.parse(text).atStartOfDay(zone).toInstant();
				}
				catch (DateTimeParseException notADate) {
					throw ChorusException.invalid(field, "calendar.range.format");
				}
			}
		}
	}

	/** The text on one line, cut at a whole code point with an ellipsis. */
	static String title(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.codePointCount(0, line.length()) <= TITLE) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, TITLE - 1)) + "…";
	}
}
