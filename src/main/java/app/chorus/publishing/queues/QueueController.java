package app.chorus.publishing.queues;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelView;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.queues.Queues.ChannelQueue;
import app.chorus.publishing.queues.Queues.UpcomingPost;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * The queue page: each channel's posting slots (editable by those who manage channels), its next posts, a form to add
 * a post to the queue, and the evergreen posts with when each comes round next.
 */
@Controller
class QueueController {

	private static final int UPCOMING = 20;
	private static final int PUBLISHED_TO_CHOOSE = 30;

	private final Queues queues;
	private final Evergreen evergreen;
	private final Campaigns campaigns;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	QueueController(Queues queues, Evergreen evergreen, Campaigns campaigns, WorkspaceContext context,
			CurrentUser currentUser, FormErrors errors) {
		this.queues = queues;
		this.evergreen = evergreen;
		this.campaigns = campaigns;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	/**
	 * One channel on the page. {@code times} holds, per day, the slot times as the form shows them ("09:30, 17:00");
	 * {@code zone} is the queue's time zone, or the reader's while it has none.
	 */
	public record ChannelPanel(ChannelView channel, String zone, boolean configured, Map<DayOfWeek, String> times,
			@Nullable Instant nextFree, List<UpcomingPost> upcoming) {

		public boolean hasSlots() {
			return times.values().stream().anyMatch(t -> !t.isEmpty());
		}
	}

	@GetMapping("/queue")
	String page(Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		String readerZone = currentUser.require().timeZone().getId();
		List<ChannelPanel> panels = new ArrayList<>();
		for (ChannelQueue queue : queues.queues(membership.workspaceId())) {
			ChannelId id = queue.channel().id();
			Map<DayOfWeek, String> times = new LinkedHashMap<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				times.put(day, queue.slots().stream().filter(s -> s.day() == day).map(s -> s.time().toString())
					.collect(Collectors.joining(", ")));
			}
			panels.add(new ChannelPanel(queue.channel(), queue.zone() == null ? readerZone : queue.zone().getId(),
					queue.zone() != null, times, queues.nextFree(membership.workspaceId(), id).orElse(null),
					queues.upcoming(membership.workspaceId(), id, UPCOMING)));
		}
		model.addAttribute("panels", panels);
		model.addAttribute("queueable", panels.stream().filter(ChannelPanel::hasSlots).toList());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("canManage", membership.can(Permission.CHANNELS_MANAGE));
		model.addAttribute("canQueue", membership.can(Permission.POSTS_PUBLISH));
		model.addAttribute("campaigns", campaigns.all(membership.workspaceId(), false));
		model.addAttribute("evergreen", evergreen.all(membership.workspaceId()));
		model.addAttribute("published", membership.can(Permission.POSTS_PUBLISH)
				? evergreen.recentlyPublished(membership.workspaceId(), PUBLISHED_TO_CHOOSE) : List.of());
		model.addAttribute("minDays", Evergreen.MIN_DAYS);
		return "publishing/queue";
	}

	@PostMapping("/queue/channels/{channelId}/slots")
	String replaceSlots(@PathVariable UUID channelId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		List<Queues.SlotInput> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			for (String time : form.getOrDefault(day.name(), "").split("[,\\s]+")) {
				if (!time.isBlank()) {
					slots.add(new Queues.SlotInput(day.name(), time));
				}
			}
		}
		try {
			queues.replaceSlots(membership, actor(), new ChannelId(channelId), form.get("timeZone"), slots);
		}
		catch (ChorusException e) {
			if (e.status().value() != 422) {
				throw e;
			}
			model.addAttribute("slotErrors", messages(e));
			model.addAttribute("slotErrorsFor", channelId);
			model.addAttribute("slotForm", form);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "queue.slots.saved");
		return "redirect:/queue";
	}

	@PostMapping("/queue")
	String add(@RequestParam(defaultValue = "") String text,
			@RequestParam(name = "channelIds", required = false) @Nullable List<UUID> channelIds,
			@RequestParam(required = false) @Nullable UUID campaignId, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		int made;
		try {
			made = queues.add(membership, actor(), new Queues.QueueRequest(text,
					channelIds == null ? List.of() : channelIds, List.of(), campaignId)).size();
		}
		catch (ChorusException e) {
			if (e.status().value() != 422) {
				throw e;
			}
			model.addAttribute("queueErrors", messages(e));
			model.addAttribute("text", text);
			model.addAttribute("chosen", channelIds == null ? List.of() : channelIds);
			return page(model);
		}
		redirect.addFlashAttribute("notice", made == 1 ? "queue.added.one" : "queue.added.several");
		return "redirect:/queue";
	}

	@PostMapping("/queue/evergreen")
	String startEvergreen(@RequestParam(required = false) @Nullable UUID postId,
			@RequestParam(defaultValue = "") String everyDays, @RequestParam(defaultValue = "") String maxTimes,
			@RequestParam(defaultValue = "") String endsOn, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		try {
			if (postId == null) {
				throw ChorusException.invalid("postId", "evergreen.post.required");
			}
			UserAccount me = currentUser.require();
			evergreen.start(membership, AuditActor.user(me.id(), me.email()), new PostId(postId),
					new Evergreen.Settings(number(everyDays), number(maxTimes), endsOn), me.timeZone());
		}
		catch (ChorusException e) {
			if (e.status().value() != 422 && e.status().value() != 409) {
				throw e;
			}
			model.addAttribute("evergreenErrors", messages(e));
			model.addAttribute("evergreenForm", Map.of("postId", postId == null ? "" : postId.toString(),
					"everyDays", everyDays, "maxTimes", maxTimes, "endsOn", endsOn));
			return page(model);
		}
		redirect.addFlashAttribute("notice", "evergreen.started");
		return "redirect:/queue";
	}

	@PostMapping("/queue/evergreen/{postId}/stop")
	String stopEvergreen(@PathVariable UUID postId, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		evergreen.stop(membership, actor(), new PostId(postId));
		redirect.addFlashAttribute("notice", "evergreen.stopped");
		return "redirect:/queue";
	}

	/** A number from a form field; blank is none, and what is not a number is one no range accepts. */
	private static @Nullable Integer number(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return Integer.MIN_VALUE;
		}
	}

	private List<String> messages(ChorusException e) {
		if (e.problems().isEmpty()) {
			return List.of(errors.message(e));
		}
		return e.problems().stream().map(p -> errors.message(p.messageKey(), p.arguments())).distinct().toList();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
