package app.chorus.publishing.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * What the calendar page asks for as the person clicks: the same feed as {@code GET /api/v1/calendar}, and moving a
 * post as {@code POST /api/v1/posts/{id}/schedule} does. The REST API takes bearer tokens only; these twins take the
 * page's session, with its CSRF token on the move. Refusals are problem details in the person's language.
 */
@RestController
class CalendarPageApi {

	private final CalendarFeed feed;
	private final PostService posts;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	CalendarPageApi(CalendarFeed feed, PostService posts, WorkspaceContext context, CurrentUser currentUser) {
		this.feed = feed;
		this.posts = posts;
		this.context = context;
		this.currentUser = currentUser;
	}

	record ScheduleBody(@Nullable String scheduledAt) {
	}

	@GetMapping("/calendar/events")
	CalendarFeed.Feed events(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable UUID channelId,
			@RequestParam(required = false) @Nullable UUID campaignId,
			@RequestParam(required = false) @Nullable String status) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return feed.events(membership, currentUser.require().timeZone(), from, to, channelId, campaignId, status);
	}

	/** Moves the post to {@code scheduledAt} and answers with it as the calendar now shows it. */
	@PostMapping("/calendar/posts/{id}/schedule")
	CalendarEvent schedule(@PathVariable UUID id, @RequestBody ScheduleBody body) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		Instant at = instant(body.scheduledAt());
		UserAccount me = currentUser.require();
		PostView moved = posts.reschedule(membership, AuditActor.user(me.id(), me.email()), new PostId(id), at);
		return feed.event(membership, moved, moved.scheduledAt() == null ? at : moved.scheduledAt());
	}

	private static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw ChorusException.invalid("scheduledAt", "post.scheduled-at.format");
		}
	}
}
