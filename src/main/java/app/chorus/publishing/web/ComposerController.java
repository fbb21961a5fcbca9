package app.chorus.publishing.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PublishEngine;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * The composer: one message, the channels it goes to, each channel's own version checked live against its network's
 * rules (the counters and broken rules under each channel come from {@code /posts/check} as the person types), media
 * from the library, further parts of a thread, and the ways out: keep it as a draft, send it for approval when a
 * policy asks for it, else schedule it or publish it now.
 */
@Controller
class ComposerController {

	private static final String REMOVE_PART = "remove-part-";

	private final PostService posts;
	private final ComposerPage page;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	ComposerController(PostService posts, ComposerPage page, WorkspaceContext context, CurrentUser currentUser) {
		this.posts = posts;
		this.page = page;
		this.context = context;
		this.currentUser = currentUser;
	}

	@GetMapping("/posts/new")
	String composer(Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return page.show(membership, ComposerForm.empty(UUID.randomUUID().toString()), model,
				ComposerPage.Target.newPost());
	}

	/** The checks under every ticked channel and part, each swapped into its place (htmx out-of-band). */
	@PostMapping("/posts/check")
	String check(@RequestParam MultiValueMap<String, String> params, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return page.live(membership, ComposerForm.from(params), model);
	}

	/** The media picker with {@code mediaIds} ticked: shown again after a file was uploaded from the composer. */
	@GetMapping("/posts/media-picker")
	String picker(@RequestParam MultiValueMap<String, String> params, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return page.picker(membership, ComposerForm.from(params), model);
	}

	@PostMapping("/posts")
	String submit(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "draft") String action, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		ComposerForm form = ComposerForm.from(params);
		ComposerPage.Target target = ComposerPage.Target.newPost();
		Optional<ComposerForm> rearranged = rearranged(form, action);
		if (rearranged.isPresent()) {
			return page.show(membership, rearranged.get(), model, target);
		}
		boolean publishNow = action.equals("publish");
		Instant scheduledAt;
		try {
			scheduledAt = when(form, action, zone());
			// sent for approval without a time: it goes out as soon as it is approved
			publishNow = publishNow || action.equals("review") && scheduledAt == null;
		}
		catch (ChorusException e) {
			return page.refused(membership, form, e, model, target);
		}
		PostService.Created created;
		try {
			created = posts.create(membership, actor(), draft(form, scheduledAt, publishNow, Map.of()),
					form.idempotencyKey().isBlank() ? null : form.idempotencyKey());
		}
		catch (ChorusException e) {
			if (e.messageKey().equals("post.idempotency-key.reused")) {
				// the page was sent before and made a post; a fresh key lets this one through on the next click
				return page.refused(membership, form.withIdempotencyKey(UUID.randomUUID().toString()),
						new ChorusException(HttpStatus.CONFLICT, "composer.sent-before", null), model, target);
			}
			return page.refused(membership, form, e, model, target);
		}
		redirect.addFlashAttribute("notice", switch (created.post().status()) {
			case IN_REVIEW -> "composer.sent-for-approval";
			case DRAFT -> "composer.saved";
			default -> publishNow ? "composer.publishing" : "composer.scheduled";
		});
		return "redirect:/posts/" + created.post().id();
	}

	/**
	 * The form with a part added or taken away, when that is what was asked ({@code add-part},
	 * {@code remove-part-2}); nothing is saved.
	 */
	static Optional<ComposerForm> rearranged(ComposerForm form, String action) {
		if (action.equals("add-part")) {
			List<String> parts = new ArrayList<>(form.parts());
			if (form.roomForAnotherPart()) {
				parts.add("");
			}
			return Optional.of(form.withParts(parts));
		}
		if (action.startsWith(REMOVE_PART)) {
			List<String> parts = new ArrayList<>(form.parts());
			try {
				int index = Integer.parseInt(action.substring(REMOVE_PART.length()));
				if (index >= 0 && index < parts.size()) {
					parts.remove(index);
				}
			}
			catch (NumberFormatException e) {
				// a button the page never offers: the form is shown again as it was
			}
			return Optional.of(form.withParts(parts));
		}
		return Optional.empty();
	}

	/**
	 * The time asked for: required to schedule, optional when sending for approval, none otherwise (a new draft has
	 * no time: a time would schedule it).
	 * @throws ChorusException naming {@code scheduledAt} when it is missing or not a time
	 */
	static @Nullable Instant when(ComposerForm form, String action, ZoneId zone) {
		if (!action.equals("schedule") && !action.equals("review")) {
			return null;
		}
		Instant at = optionalTime(form, zone);
		if (at == null && action.equals("schedule")) {
			throw ChorusException.invalid("scheduledAt", "post.scheduled-at.required");
		}
		return at;
	}

	/** The time in the form, if any. */
	static @Nullable Instant optionalTime(ComposerForm form, ZoneId zone) {
		try {
			return LocalTimes.parse(form.scheduledAt(), zone).orElse(null);
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("scheduledAt", "composer.scheduled-at.invalid");
		}
	}

	/**
	 * The form as the service takes it: the picked media and the thread go to every channel; a channel keeps the
	 * options it had ({@code kept}, when a draft is edited), less the link shortening the form decides anew.
	 */
	static PostService.Draft draft(ComposerForm form, @Nullable Instant scheduledAt, boolean publishNow,
			Map<UUID, Map<String, String>> kept) {
		List<PostService.VariantDraft> variants = new ArrayList<>();
		for (UUID channel : form.channelIds()) {
			String surface = form.surface(channel);
			Map<String, String> options = kept.get(channel);
			if (options != null) {
				options = new java.util.LinkedHashMap<>(options);
				options.remove(PublishEngine.SHORTEN_LINKS);
			}
			if (form.customised(channel) || surface != null || options != null) {
				variants.add(new PostService.VariantDraft(channel,
						form.customised(channel) ? form.variantText(channel) : null, surface, options));
			}
		}
		return new PostService.Draft(form.text(), form.channelIds(), variants, scheduledAt, publishNow,
				form.campaignId(), form.mediaIds(), form.shortenLinks(), form.thread());
	}

	private ZoneId zone() {
		return currentUser.require().timeZone();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
