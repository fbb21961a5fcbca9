package app.chorus.publishing.calendar;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.channels.ChannelManagement;
import app.chorus.identity.CurrentUser;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The calendar page: FullCalendar (from its WebJar) in the person's time zone, language and first day of the week,
 * with filters that reload its feed. {@code /js/calendar.js} does the rest.
 */
@Controller
class CalendarController {

	/** The languages FullCalendar ships a locale file for among those Chorus speaks (English is built in). */
	private static final Set<String> FULLCALENDAR_LOCALES = Set.of("ko", "da", "ne");

	private final ChannelManagement channels;
	private final Campaigns campaigns;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	CalendarController(ChannelManagement channels, Campaigns campaigns, WorkspaceContext context,
			CurrentUser currentUser) {
		this.channels = channels;
		this.campaigns = campaigns;
		this.context = context;
		this.currentUser = currentUser;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID channelId,
			@RequestParam(required = false) @Nullable UUID campaignId, HttpServletRequest request, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		Locale language = LocaleContextHolder.getLocale();
		model.addAttribute("statuses", PostStatus.values());
		model.addAttribute("channels", channels.all(membership.workspaceId()));
		model.addAttribute("campaigns", campaigns.all(membership.workspaceId(), false));
		model.addAttribute("status", status == null ? "" : PostStatus.fromKey(status).map(PostStatus::key).orElse(""));
		model.addAttribute("channelId", channelId);
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("zone", currentUser.require().timeZone().getId());
		model.addAttribute("language", language.getLanguage());
		model.addAttribute("fullCalendarLocale",
				FULLCALENDAR_LOCALES.contains(language.getLanguage()) ? language.getLanguage() : null);
		model.addAttribute("firstDay", WeekStart.of(language, Collections.list(request.getLocales())));
		model.addAttribute("canDraft", membership.can(Permission.POSTS_DRAFT));
		model.addAttribute("canMove", membership.can(Permission.POSTS_PUBLISH));
		return "publishing/calendar";
	}
}
