package app.chorus.publishing.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * The composer: one message, the channels it goes to, each channel's own version checked live against its network's
 * rules (the counters and broken rules under each channel come from {@code /posts/check} as the person types), and
 * three ways out: keep it as a draft, schedule it, publish it now.
 */
@Controller
class ComposerController {

	private static final Pattern VARIANT_FIELD = Pattern.compile("variants\\[(\\d+)]\\.(.+)");

	private final PostService posts;
	private final VariantChecks checks;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	ComposerController(PostService posts, VariantChecks checks, WorkspaceContext context, CurrentUser currentUser,
			FormErrors errors) {
		this.posts = posts;
		this.checks = checks;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/posts/new")
	String composer(Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return show(membership, ComposerForm.empty(UUID.randomUUID().toString()), model);
	}

	/** The checks under every ticked channel, each swapped into its place (htmx out-of-band). */
	@PostMapping("/posts/check")
	String check(@RequestParam MultiValueMap<String, String> params, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		ComposerForm form = ComposerForm.from(params);
		model.addAttribute("checks", checks.channelsFor(membership).stream().filter(c -> form.selected(c.id()))
			.map(c -> checks.check(c, form)).toList());
		model.addAttribute("oob", true);
		return "publishing/fragments :: checks";
	}

	@PostMapping("/posts")
	String submit(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "draft") String action, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		ComposerForm form = ComposerForm.from(params);
		boolean publishNow = action.equals("publish");
		Instant scheduledAt = null;
		if (action.equals("schedule")) {
			try {
				scheduledAt = LocalTimes.parse(form.scheduledAt(), zone()).orElse(null);
			}
			catch (IllegalArgumentException e) {
				return refused(membership, form, ChorusException.invalid("scheduledAt", "composer.scheduled-at.invalid"),
						model);
			}
			if (scheduledAt == null) {
				return refused(membership, form, ChorusException.invalid("scheduledAt", "post.scheduled-at.required"),
						model);
			}
		}
		PostService.Created created;
		try {
			created = posts.create(membership, actor(), draft(form, scheduledAt, publishNow),
					form.idempotencyKey().isBlank() ? null : form.idempotencyKey());
		}
		catch (ChorusException e) {
			if (e.messageKey().equals("post.idempotency-key.reused")) {
				// the page was sent before and made a post; a fresh key lets this one through on the next click
				ComposerForm again = new ComposerForm(form.text(), form.channelIds(), form.variantTexts(),
						form.surfaces(), form.scheduledAt(), UUID.randomUUID().toString());
				return refused(membership, again, new ChorusException(HttpStatus.CONFLICT, "composer.sent-before", null), model);
			}
			return refused(membership, form, e, model);
		}
		redirect.addFlashAttribute("notice", publishNow ? "composer.publishing"
				: scheduledAt != null ? "composer.scheduled" : "composer.saved");
		return "redirect:/posts/" + created.post().id();
	}

	private PostService.Draft draft(ComposerForm form, @Nullable Instant scheduledAt, boolean publishNow) {
		List<PostService.VariantDraft> variants = new ArrayList<>();
		for (UUID channel : form.channelIds()) {
			String surface = form.surface(channel);
			if (form.customised(channel) || surface != null) {
				variants.add(new PostService.VariantDraft(channel,
						form.customised(channel) ? form.variantText(channel) : null, surface, null));
			}
		}
		return new PostService.Draft(form.text(), form.channelIds(), variants, scheduledAt, publishNow);
	}

	/**
	 * Shows the composer again with what was typed and each problem beside its field: the message, the channels, the
	 * time, or the channel's own version ({@code variants[i]} is the i-th channel ticked).
	 */
	private String refused(Membership membership, ComposerForm form, ChorusException e, Model model) {
		List<FieldProblem> problems = e.problems().isEmpty()
				? List.of(new FieldProblem(e.field() == null ? "" : e.field(), e.messageKey(), e.arguments()))
				: e.problems();
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		Map<UUID, List<String>> variantErrors = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		for (FieldProblem problem : problems) {
			String message = errors.message(problem.messageKey(), problem.arguments());
			Matcher variant = VARIANT_FIELD.matcher(problem.field());
			if (variant.matches() && Integer.parseInt(variant.group(1)) < form.channelIds().size()) {
				variantErrors.computeIfAbsent(form.channelIds().get(Integer.parseInt(variant.group(1))),
						id -> new ArrayList<>()).add(message);
			}
			else if (List.of("text", "channelIds", "scheduledAt").contains(problem.field())) {
				fieldErrors.merge(problem.field(), message, (a, b) -> a + " " + b);
			}
			else {
				general.add(message);
			}
		}
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("variantErrors", variantErrors);
		model.addAttribute("generalErrors", general);
		return show(membership, form, model);
	}

	private String show(Membership membership, ComposerForm form, Model model) {
		List<ComposerChannel> channels = checks.channelsFor(membership);
		Map<UUID, VariantCheck> byChannel = new LinkedHashMap<>();
		for (ComposerChannel channel : channels) {
			byChannel.put(channel.id(), checks.check(channel, form));
		}
		model.addAttribute("form", form);
		model.addAttribute("groups", checks.grouped(channels));
		model.addAttribute("checkByChannel", byChannel);
		model.addAttribute("zone", zone().getId());
		model.addAttribute("canPublish", membership.can(Permission.POSTS_PUBLISH));
		if (!model.containsAttribute("variantErrors")) {
			model.addAttribute("variantErrors", Map.of());
			model.addAttribute("generalErrors", List.of());
		}
		return "publishing/composer";
	}

	private ZoneId zone() {
		return currentUser.require().timeZone();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
