package app.chorus.publishing.calendar;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calendar feed for API callers. */
@RestController
@Tag(name = "Calendar", description = "Posts placed in time, for calendars")
class CalendarApi {

	private final CalendarFeed feed;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	CalendarApi(CalendarFeed feed, WorkspaceContext context, CurrentUser currentUser) {
		this.feed = feed;
		this.context = context;
		this.currentUser = currentUser;
	}

	@Operation(summary = "The posts placed between from (inclusive) and to (exclusive), at most 100 days apart: "
			+ "instants, times with an offset, or dates (midnight in your time zone). A published post is placed when "
			+ "it went out, any other at its time; withdrawn posts only with status=cancelled. At most 500 events; "
			+ "truncated says when there were more. editable: whether you may move the post now "
			+ "(POST /api/v1/posts/{id}/schedule)")
	@GetMapping("/api/v1/calendar")
	CalendarFeed.Feed calendar(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable UUID channelId,
			@RequestParam(required = false) @Nullable UUID campaignId,
			@RequestParam(required = false) @Nullable String status) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return feed.events(membership, currentUser.require().timeZone(), from, to, channelId, campaignId, status);
	}
}
