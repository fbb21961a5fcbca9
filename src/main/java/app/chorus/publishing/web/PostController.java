package app.chorus.publishing.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.Surface;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.media.MediaId;
import app.chorus.media.MediaLibrary;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.internal.PostReview;
import app.chorus.publishing.internal.LostAnswers;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * One post: its text, media and thread, each variant's fate and attempts, its approval, and what a person can do about
 * it: edit it while it is a draft, approve it or ask for changes, withdraw it, move it, and for a variant whose answer
 * was lost, say that it went out or send it again.
 */
@Controller
class PostController {

	/** While something goes out this soon, the page looks again by itself. */
	private static final java.time.Duration SOON = java.time.Duration.ofMinutes(1);

	private final PostService posts;
	private final LostAnswers lostAnswers;
	private final PostReview review;
	private final ReviewPanels reviews;
	private final MediaLibrary mediaLibrary;
	private final Campaigns campaigns;
	private final ChannelManagement channels;
	private final VariantChecks checks;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;
	private final Clock clock;

	PostController(PostService posts, LostAnswers lostAnswers, PostReview review, ReviewPanels reviews,
			MediaLibrary mediaLibrary, Campaigns campaigns, ChannelManagement channels, VariantChecks checks,
			WorkspaceContext context, CurrentUser currentUser, FormErrors errors, Clock clock) {
		this.posts = posts;
		this.lostAnswers = lostAnswers;
		this.review = review;
		this.reviews = reviews;
		this.mediaLibrary = mediaLibrary;
		this.campaigns = campaigns;
		this.channels = channels;
		this.checks = checks;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
		this.clock = clock;
	}

	@GetMapping("/posts/{id}")
	String post(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		PostView post = posts.find(membership.workspaceId(), new PostId(id));
		Map<UUID, ChannelView> byId = channels.all(membership.workspaceId()).stream()
			.collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
		List<VariantPanel> panels = post.variants().stream().map(v -> {
			ChannelView channel = byId.get(v.channelId());
			return new VariantPanel(v, channel == null ? null : channel.name(), channel == null ? null
					: channel.handle(), error(membership, v), posts.attempts(membership.workspaceId(), post.id(),
							v.id()));
		}).toList();
		List<VariantView> variants = post.variants();
		boolean publishing = variants.stream().anyMatch(v -> v.status() == PostStatus.PUBLISHING);
		boolean mine = post.authorId().equals(membership.userId().value());
		model.addAttribute("post", post);
		model.addAttribute("panels", panels);
		model.addAttribute("canCancel", membership.can(Permission.POSTS_DRAFT)
				&& (mine || membership.can(Permission.POSTS_PUBLISH)) && !publishing
				&& variants.stream().anyMatch(v -> !v.status().settled()));
		model.addAttribute("canReschedule", membership.can(Permission.POSTS_PUBLISH) && variants.stream()
			.anyMatch(v -> v.status() == PostStatus.SCHEDULED || v.status() == PostStatus.HELD));
		model.addAttribute("canResolve", membership.can(Permission.POSTS_PUBLISH));
		model.addAttribute("canEdit", DraftController.editable(post) && membership.can(Permission.POSTS_DRAFT)
				&& (mine || membership.can(Permission.POSTS_PUBLISH)));
		model.addAttribute("review", reviews.of(membership, post));
		VariantView first = variants.isEmpty() ? null : variants.getFirst();
		model.addAttribute("media", first == null ? List.of() : first.mediaIds().stream()
			.map(m -> mediaLibrary.find(membership.workspaceId(), new MediaId(m))).flatMap(Optional::stream).toList());
		model.addAttribute("thread", first == null ? List.of() : first.thread());
		model.addAttribute("campaign", post.campaignId() == null ? null
				: campaigns.find(membership.workspaceId(), post.campaignId()).orElse(null));
		model.addAttribute("live", publishing || variants.stream().anyMatch(this::dueSoon));
		model.addAttribute("zone", currentUser.require().timeZone().getId());
		if (!model.containsAttribute("scheduledAt")) {
			model.addAttribute("scheduledAt", LocalTimes.format(post.scheduledAt(), currentUser.require().timeZone()));
		}
		return "publishing/post";
	}

	@PostMapping("/posts/{id}/cancel")
	String cancel(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		try {
			posts.cancel(membership, actor(), new PostId(id));
		}
		catch (ChorusException e) {
			return refused(id, e, model);
		}
		redirect.addFlashAttribute("notice", "post.cancelled.notice");
		return "redirect:/posts/" + id;
	}

	@PostMapping("/posts/{id}/schedule")
	String reschedule(@PathVariable UUID id, @RequestParam(defaultValue = "") String scheduledAt, Model model,
			RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		try {
			Instant at;
			try {
				at = LocalTimes.parse(scheduledAt, currentUser.require().timeZone()).orElse(null);
			}
			catch (IllegalArgumentException e) {
				throw ChorusException.invalid("scheduledAt", "composer.scheduled-at.invalid");
			}
			posts.reschedule(membership, actor(), new PostId(id), at);
		}
		catch (ChorusException e) {
			model.addAttribute("scheduledAt", scheduledAt);
			return refused(id, e, model);
		}
		redirect.addFlashAttribute("notice", "post.rescheduled.notice");
		return "redirect:/posts/" + id;
	}

	@PostMapping("/posts/{id}/variants/{variantId}/confirm")
	String confirm(@PathVariable UUID id, @PathVariable UUID variantId, @RequestParam(defaultValue = "") String url,
			Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		try {
			lostAnswers.confirmPublished(membership, actor(), new PostId(id), variantId, url);
		}
		catch (ChorusException e) {
			model.addAttribute("confirmVariant", variantId);
			model.addAttribute("confirmUrl", url);
			return refused(id, e, model);
		}
		redirect.addFlashAttribute("notice", "post.confirmed.notice");
		return "redirect:/posts/" + id;
	}

	@PostMapping("/posts/{id}/variants/{variantId}/resend")
	String resend(@PathVariable UUID id, @PathVariable UUID variantId, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		try {
			lostAnswers.resend(membership, actor(), new PostId(id), variantId);
		}
		catch (ChorusException e) {
			return refused(id, e, model);
		}
		redirect.addFlashAttribute("notice", "post.resent.notice");
		return "redirect:/posts/" + id;
	}

	@PostMapping("/posts/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, Model model,
			RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_APPROVE);
		try {
			review.approve(membership, actor(), new PostId(id), comment);
		}
		catch (ChorusException e) {
			model.addAttribute("decided", "approve");
			model.addAttribute("comment", comment);
			return refused(id, e, model);
		}
		redirect.addFlashAttribute("notice", "review.approved.notice");
		return "redirect:/posts/" + id;
	}

	@PostMapping("/posts/{id}/request-changes")
	String requestChanges(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, Model model,
			RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_APPROVE);
		try {
			review.requestChanges(membership, actor(), new PostId(id), comment);
		}
		catch (ChorusException e) {
			model.addAttribute("decided", "changes");
			model.addAttribute("comment", comment);
			return refused(id, e, model);
		}
		redirect.addFlashAttribute("notice", "review.changes-requested.notice");
		return "redirect:/posts/" + id;
	}

	/** The post again with the reason beside the form; a post or variant that is not there stays a 404. */
	private String refused(UUID id, ChorusException e, Model model) {
		if (e.status().value() == 404 || e.status().value() == 403) {
			throw e;
		}
		errors.add(model, e);
		return post(id, model);
	}

	/**
	 * Why the variant did not go out, in the reader's language. A network rule is named with its figures when the
	 * text still breaks it; otherwise (the network's own refusal) a sentence names the network.
	 */
	private @Nullable String error(Membership membership, VariantView variant) {
		String key = variant.errorKey();
		if (key == null) {
			return null;
		}
		if (!key.startsWith("rule.")) {
			return errors.message(key);
		}
		Optional<NetworkRules> rules = channels.rules(membership.workspaceId(), new ChannelId(variant.channelId()));
		Optional<Surface> surface = Surface.fromKey(variant.surface());
		if (rules.isPresent() && surface.isPresent() && rules.get().surfaces().containsKey(surface.get())) {
			List<String> sentences = rules.get().check(new PostVariant(surface.get(), variant.text(), List.of(), null,
					null, null, null, variant.options())).stream()
				.filter(v -> v.rule().equals(key)).map(checks::sentence).toList();
			if (!sentences.isEmpty()) {
				return String.join(" ", sentences);
			}
		}
		return errors.message("post.error.rule", errors.message("network." + variant.network()));
	}

	private boolean dueSoon(VariantView variant) {
		if (variant.status() != PostStatus.SCHEDULED) {
			return false;
		}
		Instant due = variant.nextAttemptAt() != null ? variant.nextAttemptAt() : variant.scheduledAt();
		return due == null || due.isBefore(clock.instant().plus(SOON));
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
